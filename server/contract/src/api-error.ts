import { ErrorCode, type ErrorBody } from './errors';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * A request the server refused or could not answer, for every client (the staff app, the
 * guest page, the kiosk), whether it went over REST or a socket ack. It keeps the server's own
 * code (ALREADY_TAKEN and INVALID_STATE are both 409s and mean different things), so a screen
 * decides from the code; the HTTP status is there for logs and for a proxy that answered
 * instead of our server.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status; 0: no answer at all (offline, DNS, server down); null: a socket ack. */
  readonly status: number | null;
  readonly code: ErrorCode;
  /** The body's `details`, e.g. AppointmentConflictDetails on a taken slot. */
  readonly details: unknown;

  constructor(status: number | null, code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.details = options?.details;
  }

  /**
   * From a REST answer's JSON (`{ error: { code, message, details } }`, or bare). Without one of
   * our codes the answer came from something in front of the server (a proxy's error page):
   * it is UNAVAILABLE when that something says the server is away, INTERNAL otherwise.
   */
  static fromResponse(status: number, statusText: string, body: unknown): ApiError {
    const envelope = (body as { error?: unknown } | null)?.error ?? body;
    const { code, message, details } = (envelope ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    const known = typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : withoutServerCode(status);
    return new ApiError(status, known, typeof message === 'string' ? message : statusText, { details });
  }

  /** From a socket ack's error; a code this client does not know yet is kept as INTERNAL. */
  static fromAck(body: ErrorBody): ApiError {
    const code = KNOWN_CODES.has(body.code) ? body.code : ErrorCode.Internal;
    return new ApiError(null, code, body.message, { details: body.details });
  }

  /** No HTTP answer at all: offline, DNS, server down. */
  static network(cause: unknown): ApiError {
    return new ApiError(0, ErrorCode.Unavailable, 'network request failed', { cause });
  }
}

function withoutServerCode(status: number): ErrorCode {
  return status === 0 || status === 502 || status === 503 || status === 504 ? ErrorCode.Unavailable : ErrorCode.Internal;
}
