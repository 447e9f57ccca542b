import { io, type Socket } from 'socket.io-client';
import type { Ack } from '@madoguchi/contract/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '@madoguchi/contract/signalling-events';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `origin`: the page the socket claims to come from (browsers always send one). */
export async function connectSocket(url: string, token: string | undefined, options: { origin?: string } = {}): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Result<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends (r: infer R) => void ? R : never;

/** Sends a request and returns its ack, whatever it says. */
export async function request<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: Payload<E>,
): Promise<Result<E>> {
  const emit = socket.timeout(5000).emitWithAck.bind(socket) as unknown as (e: string, p: unknown) => Promise<unknown>;
  return (await emit(event, payload)) as Result<E>;
}

/** Sends anything at all (for hostile-input tests) and returns the ack. */
export async function requestRaw(socket: TestSocket, event: string, ...args: unknown[]): Promise<Ack<unknown>> {
  const emit = socket.timeout(5000).emitWithAck.bind(socket) as unknown as (e: string, ...a: unknown[]) => Promise<unknown>;
  return (await emit(event, ...args)) as Ack<unknown>;
}

/** Resolves with the next `event` the socket receives. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    const on = socket.once.bind(socket) as unknown as (e: string, l: (...args: unknown[]) => void) => void;
    on(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as Parameters<ServerToClientEvents[E]>);
    });
  });
}

/** Resolves with the first `event` whose payload passes `matches` (earlier ones are skipped). */
export function eventWhere<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  matches: (...args: Parameters<ServerToClientEvents[E]>) => boolean,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  const on = socket.on.bind(socket) as unknown as (e: string, l: (...args: unknown[]) => void) => void;
  const off = socket.off.bind(socket) as unknown as (e: string, l: (...args: unknown[]) => void) => void;
  return new Promise((resolve, reject) => {
    const listener = (...args: unknown[]): void => {
      if (!matches(...(args as Parameters<ServerToClientEvents[E]>))) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(args as Parameters<ServerToClientEvents[E]>);
    };
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`no matching ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    on(event, listener);
  });
}

export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}
