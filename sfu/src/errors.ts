/** Errors the media layer reports; the server maps `code` to an ack error. */
export type SfuErrorCode = 'NOT_FOUND' | 'INVALID_STATE' | 'BAD_REQUEST' | 'MEDIA_ERROR';

export class SfuError extends Error {
  constructor(
    readonly code: SfuErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SfuError';
  }

  static notFound(what: string): SfuError {
    return new SfuError('NOT_FOUND', `${what} not found`);
  }

  static closed(what: string): SfuError {
    return new SfuError('INVALID_STATE', `${what} is closed`);
  }
}

/** mediasoup throws TypeError for malformed parameters: that is the caller's fault, not ours. */
export function toSfuError(error: unknown): SfuError {
  if (error instanceof SfuError) return error;
  if (error instanceof TypeError) return new SfuError('BAD_REQUEST', error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new SfuError('MEDIA_ERROR', message, { cause: error });
}
