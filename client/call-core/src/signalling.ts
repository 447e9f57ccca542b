import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, AckCallback } from '@madoguchi/contract/ack';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '@madoguchi/contract/signalling-events';
import { CallError } from './call-error';

export type SignallingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type RequestName = keyof ClientToServerEvents;
export type RequestPayload<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
export type RequestResult<E extends RequestName> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface SignallingSocketOptions {
  /** Read on every (re)connection, so a refreshed token is used after a drop. */
  getToken: () => string | null;
  /** Defaults to the page's own origin. */
  url?: string;
}

/** The socket is created disconnected; the caller attaches its handlers, then connects. */
export function createSignallingSocket({ getToken, url }: SignallingSocketOptions): SignallingSocket {
  const options = {
    auth: (cb: (data: object) => void) => cb({ token: getToken() }),
    transports: ['websocket'],
    autoConnect: false,
    // A dropped connection is retried quickly and at least every 2 s: a kiosk must be back
    // within seconds of the server (media and the resident wait on it).
    reconnectionDelay: 300,
    reconnectionDelayMax: 2_000,
    // Each call client (and each holder link) owns its connection; sharing a Manager would leak the old token.
    forceNew: true,
  };
  return url ? io(url, options) : io(options);
}

function isAck(value: unknown): value is Ack<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

// socket.io's timeout() decorates the ack with an error argument, which its types cannot
// follow through a generic event name; this is the shape actually returned.
type AckEmitter = { emitWithAck(event: string, payload: unknown): Promise<unknown> };

/** Sends one request and unwraps its ack; an `ok: false` answer is thrown as a CallError. */
export async function request<E extends RequestName>(
  socket: SignallingSocket,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
): Promise<RequestResult<E>> {
  const emitter: AckEmitter = socket.timeout(timeoutMs);
  let response: unknown;
  try {
    response = await emitter.emitWithAck(event, payload);
  } catch (error) {
    throw CallError.timeout(event, error);
  }
  if (!isAck(response)) throw new CallError(ErrorCode.Internal, `malformed answer to ${event}`);
  if (!response.ok) throw CallError.fromAck(response.error);
  return response.data as RequestResult<E>;
}
