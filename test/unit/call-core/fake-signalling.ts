// A fake signalling server and fake Socket.IO sockets for the call core's unit tests, with a
// real mediasoup-client Device on its FakeHandler (no browser, no WebRTC). The call core runs
// unchanged: only the socket factory and the Device factory are handed in.
import { Device } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import type { types } from 'mediasoup-client';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import type { ErrorCode } from '@madoguchi/contract/errors';
import type { PeerRole, TransportOptions } from '@madoguchi/contract/media';
import type { ServerInfo } from '@madoguchi/contract/signalling-events';
import type { CallClientOptions } from '@madoguchi/call-core/call-types';
import type { LocalMedia } from '@madoguchi/call-core/local-media';
import type { SignallingSocket, SignallingSocketOptions } from '@madoguchi/call-core/signalling';

// The call core uses window timers, as in the browser.
(globalThis as unknown as { window: typeof globalThis }).window ??= globalThis;

type Listener = (...args: unknown[]) => void;

/** A request the fake server refuses, as the real one does: `{ ok: false, error: { code, message } }`. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode | `${ErrorCode}`,
    message: string = code,
  ) {
    super(message);
  }
}

export type Handler = (payload: Record<string, unknown>, socket: FakeSocket) => unknown;

/** One client socket: what the call core calls on a Socket.IO socket, plus the test's levers. */
export class FakeSocket {
  connected = false;
  /** Socket.IO's `active`: it is trying to (re)connect by itself. */
  active = false;
  readonly id = 'fake-socket';
  readonly requests: { event: string; payload: Record<string, unknown> }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    readonly server: FakeServer,
    readonly url: string | undefined,
  ) {}

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  connect(): this {
    this.active = true;
    queueMicrotask(() => {
      if (!this.active || this.connected) return;
      const refusal = this.server.refuseConnection;
      if (refusal) {
        this.active = false;
        this.fire('connect_error', Object.assign(new Error(refusal), { data: { code: refusal } }));
        return;
      }
      this.connected = true;
      this.fire('connect');
    });
    return this;
  }

  disconnect(): this {
    const was = this.connected;
    this.connected = false;
    this.active = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  timeout(_ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } {
    return { emitWithAck: (event, payload) => this.answer(event, payload as Record<string, unknown>) };
  }

  /** The network dropped: Socket.IO will reconnect by itself (call `comeBack()`). */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  comeBack(): void {
    this.connected = true;
    this.fire('connect');
  }

  /** A notification (or the server's newConsumer request) from the server. */
  push(event: string, ...args: unknown[]): void {
    this.fire(event, ...args);
  }

  count(event: string): number {
    return this.requests.filter((r) => r.event === event).length;
  }

  last(event: string): Record<string, unknown> | undefined {
    return this.requests.filter((r) => r.event === event).at(-1)?.payload;
  }

  private async answer(event: string, payload: Record<string, unknown>): Promise<unknown> {
    // Socket.IO buffers while disconnected and the ack times out; the core sees a timeout.
    if (!this.connected) throw new Error('operation has timed out');
    this.requests.push({ event, payload });
    const handler = this.server.handlers.get(event);
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `no fake handler for ${event}` } };
    try {
      return { ok: true, data: await handler(payload, this) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

let transportCount = 0;

/** Transport parameters the FakeHandler accepts, with an id the test can follow. */
export function fakeTransport(direction: 'send' | 'recv'): TransportOptions {
  const remote = fakeParameters.generateTransportRemoteParameters();
  transportCount += 1;
  return { ...(remote as unknown as TransportOptions), id: `${direction}-transport-${transportCount}`, direction };
}

/** The server side: a handler per request, and every socket a client opened (the home one, holder links). */
export class FakeServer {
  readonly handlers = new Map<string, Handler>();
  readonly sockets: FakeSocket[] = [];
  /** Set to a code to make connections fail at the handshake (the server refused the token). */
  refuseConnection: string | null = null;
  private producerCount = 0;

  /** What getServerInfo answers; a test changes `buildId` to play an upgraded server. */
  readonly info: ServerInfo;

  constructor(role: PeerRole) {
    this.info = {
      role,
      displayName: `a ${role}`,
      routerRtpCapabilities: fakeParameters.generateRouterRtpCapabilities() as unknown as ServerInfo['routerRtpCapabilities'],
      // Long enough that no test meets the no-media clock unless it asks to.
      media: { address: '127.0.0.1', firstPort: 40000, lastPort: 40000, noMediaTimeoutSeconds: 600 },
      buildId: 'release-1',
    };
    this.handle('getServerInfo', () => ({ ...this.info }));
    this.handle('joinRoom', () => ({ sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [] }));
    this.handle('connectTransport', () => null);
    this.handle('produce', () => ({ producerId: `producer-${++this.producerCount}` }));
    this.handle('closeProducer', () => null);
    this.handle('hangUp', () => null);
    this.handle('cancelCall', () => null);
    this.handle('resumeCall', () => ({ live: null, ended: null, unrecorded: null }));
    // No standby unless a test gives one: the desk then joins the ordinary way.
    this.handle('standBy', () => null);
  }

  handle(event: string, handler: Handler): void {
    this.handlers.set(event, handler);
  }

  /** The first socket (the home connection). */
  get home(): FakeSocket {
    const socket = this.sockets[0];
    if (!socket) throw new Error('no socket opened yet');
    return socket;
  }

  createSocket = (options: SignallingSocketOptions): SignallingSocket => {
    const socket = new FakeSocket(this, options.url);
    this.sockets.push(socket);
    return socket as unknown as SignallingSocket;
  };
}

/**
 * Camera and microphone as FakeHandler accepts them, new ones at every acquisition (as
 * getUserMedia gives); `stopped()` tells whether the call released all it was given.
 */
export function fakeLocalMedia(): { acquire: () => Promise<LocalMedia>; tracks: FakeMediaStreamTrack[]; stopped: () => boolean } {
  const tracks: FakeMediaStreamTrack[] = [];
  const acquire = async (): Promise<LocalMedia> => {
    const own = [new FakeMediaStreamTrack({ kind: 'audio' }), new FakeMediaStreamTrack({ kind: 'video' })];
    tracks.push(...own);
    const stream = {
      getTracks: () => [...own],
      getAudioTracks: () => own.filter((t) => t.kind === 'audio'),
      getVideoTracks: () => own.filter((t) => t.kind === 'video'),
    } as unknown as MediaStream;
    return { stream, error: null };
  };
  return { acquire, tracks, stopped: () => tracks.length > 0 && tracks.every((t) => t.readyState === 'ended') };
}

/** A mediasoup-client Device on the FakeHandler, loaded by the call core like a browser's. */
export async function fakeDevice(): Promise<Device> {
  return new Device({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
}

/** Every client a test made, closed after each test even when an assertion failed (their timers would keep the run alive). */
const openClients: { close(): void }[] = [];

export function tracked<T extends { close(): void }>(client: T): T {
  openClients.push(client);
  return client;
}

export function closeAllClients(): void {
  for (const client of openClients.splice(0)) client.close();
}

/** Options for a role client wired to `server`. */
export function clientOptions(server: FakeServer, media = fakeLocalMedia()): CallClientOptions {
  return {
    getToken: () => 'token',
    createSocket: server.createSocket,
    createDevice: fakeDevice,
    acquireMedia: media.acquire,
    requestTimeoutMs: 1_000,
  };
}

/** Lets queued promise callbacks and microtasks run (the fake answers asynchronously). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Resolves when `check` holds, polling the event loop (no wall-clock timing in the assertions). */
export async function until(check: () => boolean, what: string, rounds = 500): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    if (check()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

export type { types };
