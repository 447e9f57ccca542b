import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { SfuApi } from '@madoguchi/sfu';
import type { Ack } from '@madoguchi/contract/ack';
import { ErrorCode } from '@madoguchi/contract/errors';
import { SOCKET_REQUESTS, type SocketRequestSpec } from '@madoguchi/contract/socket-requests';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { AppError, toAppError } from '../domain/app-error';
import type { ConsultationService } from '../domain/consultation-service';
import type { FormService } from '../forms/form-service';
import type { InCallService } from '../domain/in-call-service';
import type { OutcomeWriter } from '../domain/outcome-writer';
import type { ClusterLink } from '../cluster/cluster-link';
import type { CaptionService } from '../captions/caption-service';
import type { CallPlacement } from '../cluster/call-placement';
import { createLogger } from '../logging/logger';
import { KeyedMutex } from '../domain/keyed-mutex';
import { principalRoom } from '../domain/peer-identity';
import { queueScopeOf } from '../domain/queue-scope';
import { loginSessionRoom, queueRoom } from '../domain/room-names';
import { MediaCheckService } from '../domain/media-check-service';
import { requestHandlers } from './handlers';
import { clientAddress, ConnectionCounter, createRequestGate, type SocketLimitOptions } from './socket-limits';

type RequestGate = ReturnType<typeof createRequestGate>;
import type { HandledRequest, HandlerContext, RequestHandler, KioskPresence, SignallingServer, SignallingSocket } from './signalling-types';

const log = createLogger('signalling');

export interface TransportOptions {
  httpServer: HttpServer;
  /** Cross-origin pages allowed to open a socket (read on every handshake: nodes come and go). */
  allowedOrigins: () => string[];
  /** Open transports one address may hold (SOCKETS_PER_ADDRESS). */
  connectionsPerAddress: number;
  /** A transport that never joins is closed after this (10 s unless a test shortens it). */
  handshakeTimeoutMs?: number | undefined;
}

export interface SignallingOptions {
  /** Verifies a token and loads who is behind it; throws AppError if not allowed. */
  authenticate(token: string): Promise<SocketAuth>;
  consultations: ConsultationService;
  sfu: SfuApi;
  presence: KioskPresence;
  inCall: InCallService;
  forms: FormService;
  captions: CaptionService;
  outcomes: OutcomeWriter;
  cluster: ClusterLink;
  /** Decides whether a consultation is held here or on another node. */
  placement: CallPlacement;
  /** The release this node runs, told to every socket in ServerInfo. */
  buildId: string;
  /** Told about every answered request: its event, how long it took, and the error code if it failed. */
  onRequestDone?: (event: string, seconds: number, errorCode: string | null) => void;
  limits: Omit<SocketLimitOptions, 'connectionsPerAddress'>;
}

/** A client that opened the transport but never joined is dropped after this (Socket.IO's default is 45 s). */
const CONNECT_TIMEOUT_MS = 10_000;

export interface SocketAuth {
  principal: SocketPrincipal;
  expiresAt: Date;
  /** Staff: the login session behind the token. */
  loginSessionId?: string | undefined;
}

/** How long before expiry a socket is asked to renew its token. */
const RENEW_WARNING_MS = 60_000;

/** What every socket's handlers share, besides the options: the connection checks' loopback rooms. */
interface SignallingState {
  mediaChecks: MediaCheckService;
}

/**
 * The Socket.IO server on the HTTP server, with its origin check and per-address limit but no
 * handlers yet: the notifier and the cluster link are built on it before the services exist,
 * and serveSignalling() adds authentication and the requests once they do.
 */
export function createSocketTransport(options: TransportOptions): SignallingServer {
  const io: SignallingServer = new Server(options.httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: (origin, callback) => callback(null, origin !== undefined && options.allowedOrigins().includes(origin)) },
    // WebSocket upgrades are not covered by CORS: only same-host pages, PUBLIC_URL and the
    // other nodes' pages may open a socket (tools without an Origin header, such as tests, pass).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const originAllowed = !origin || originHost(origin) === req.headers.host || options.allowedOrigins().includes(origin);
      // Only a new transport takes a place (polling requests of an open one come here too).
      const isNew = !new URL(req.url ?? '/', 'http://x').searchParams.has('sid');
      if (!originAllowed || (isNew && !connections.admit(clientAddress(req)))) return callback(null, false);
      if (isNew) placed.add(req);
      callback(null, true);
    },
    connectTimeout: options.handshakeTimeoutMs ?? CONNECT_TIMEOUT_MS,
  });
  const connections = new ConnectionCounter(options.connectionsPerAddress);
  // Requests that took a place; the place is handed back when their transport closes (or never opens).
  const placed = new WeakSet<object>();
  io.engine.on('connection', (conn: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => {
    const address = clientAddress(conn.request);
    placed.delete(conn.request);
    conn.once('close', () => connections.release(address));
  });
  io.engine.on('connection_error', (error: { req: IncomingMessage }) => {
    if (placed.has(error.req)) connections.release(clientAddress(error.req));
  });
  return io;
}

/** Authenticates every socket and answers its requests with the services. */
export function serveSignalling(io: SignallingServer, options: SignallingOptions): void {
  const state: SignallingState = { mediaChecks: new MediaCheckService(options.sfu) };
  const gate = createRequestGate(options.limits);

  /** Socket.IO hands the client only message and data; the code goes into data. */
  const refuse = (error: unknown): Error & { data?: unknown } => {
    const appError = toAppError(error);
    const refusal: Error & { data?: unknown } = new Error(appError.message);
    refusal.data = { code: appError.code };
    return refusal;
  };

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth['token'];
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      next(refuse(AppError.unauthenticated('a token is required')));
      return;
    }
    options
      .authenticate(token)
      .then(async (auth) => {
        if (auth.principal.role === 'guest') await claimGuestLink(socket, auth.principal);
        socket.data.principal = auth.principal;
        socket.data.authExpiresAt = auth.expiresAt.getTime();
        if (auth.loginSessionId) socket.data.loginSessionId = auth.loginSessionId;
        next();
      })
      .catch((error: unknown) => next(refuse(error)));
  });

  /**
   * A guest link admits one browser at a time: the socket joins the link's room while no other
   * socket is in it. Handshakes for one link run one after another, so two at once cannot both
   * find the room empty.
   */
  const claiming = new KeyedMutex();
  const claimGuestLink = (socket: SignallingSocket, principal: SocketPrincipal): Promise<void> =>
    claiming.run(principalRoom(principal), async () => {
      const room = principalRoom(principal);
      if ((await io.in(room).fetchSockets()).length > 0) throw AppError.unauthenticated('this guest link is already open in another browser');
      await socket.join(room);
    });

  io.on('connection', (socket) => onConnection(socket, options, gate, state));
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function onConnection(socket: SignallingSocket, options: SignallingOptions, gate: RequestGate, state: SignallingState): void {
  const { principal } = socket.data;
  void socket.join(principalRoom(principal));
  if (socket.data.loginSessionId) void socket.join(loginSessionRoom(socket.data.loginSessionId));
  const expiry = watchTokenExpiry(socket);
  // Staff and admins receive the queue of their own scope only; kiosks and guests none.
  const scope = queueScopeOf(principal);
  if (scope) void socket.join(queueRoom(scope));
  // One more specialist who could answer: the waiting residents' outlook may change.
  if (principal.role === 'staff' || principal.role === 'admin') options.consultations.refreshForecasts();
  if (principal.role === 'kiosk') {
    void options.presence.kioskAlive(principal.id).catch((error: unknown) => log.warn({ err: error }, 'could not record kiosk presence'));
  }
  log.debug({ role: principal.role, socketId: socket.id }, 'socket connected');

  const known = new Set<string>(['renewAuth']);
  registerRenewAuth(socket, options, expiry);
  for (const event of Object.keys(requestHandlers) as HandledRequest[]) {
    known.add(event);
    registerHandler(socket, event, options, gate, state);
  }
  // Socket.IO drops unknown events silently; a client that sent one with an ack still
  // deserves an answer.
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (!known.has(event) && typeof ack === 'function') {
      (ack as (response: Ack<never>) => void)({
        ok: false,
        error: { code: ErrorCode.BadRequest, message: `unknown request: ${event.slice(0, 64)}` },
      });
    }
  });
  socket.on('disconnect', () => {
    expiry.stop();
    options.consultations.handleDisconnect(principal, socket.id);
    options.captions.captionerDisconnected(principal, socket.id);
    state.mediaChecks.endFor(socket.id);
    // One fewer specialist who could answer the waiting residents.
    if (principal.role !== 'kiosk' && principal.role !== 'guest') options.consultations.refreshForecasts();
  });
}

/** Warns a minute before the token ends and closes the socket when it does, unless renewed. */
function watchTokenExpiry(socket: SignallingSocket): { reschedule(): void; stop(): void } {
  let warn: NodeJS.Timeout | undefined;
  let expire: NodeJS.Timeout | undefined;
  const stop = (): void => {
    clearTimeout(warn);
    clearTimeout(expire);
  };
  const reschedule = (): void => {
    stop();
    const remaining = socket.data.authExpiresAt - Date.now();
    const expiresAt = new Date(socket.data.authExpiresAt).toISOString();
    // A minute ahead, or halfway for tokens shorter than two minutes.
    warn = setTimeout(() => socket.emit('authExpiring', { expiresAt }), Math.max(0, remaining - Math.min(RENEW_WARNING_MS, remaining / 2)));
    expire = setTimeout(() => {
      log.info({ role: socket.data.principal.role }, 'socket token expired');
      socket.disconnect(true);
    }, Math.max(0, remaining));
    warn.unref();
    expire.unref();
  };
  reschedule();
  return { reschedule, stop };
}

/** A fresh token for the same principal extends the socket's life (the call goes on). */
function registerRenewAuth(socket: SignallingSocket, options: SignallingOptions, expiry: { reschedule(): void }): void {
  const rawOn = socket.on.bind(socket) as unknown as (event: string, listener: (...args: unknown[]) => void) => void;
  rawOn('renewAuth', (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const reply = ack as (response: Ack<{ expiresAt: string }>) => void;
    void (async () => {
      try {
        const role = socket.data.principal.role;
        if (!(SOCKET_REQUESTS.renewAuth.roles as readonly string[]).includes(role)) throw AppError.forbidden(`renewAuth is not allowed for ${role}`);
        const parsed = SOCKET_REQUESTS.renewAuth.payload.safeParse(args[0]);
        if (!parsed.success || args.length !== 2) throw AppError.badRequest('renewAuth takes { token }');
        const auth = await options.authenticate(parsed.data.token);
        const current = socket.data.principal;
        if (auth.principal.id !== current.id || (auth.principal.role === 'kiosk') !== (current.role === 'kiosk')) {
          throw AppError.forbidden('the new token belongs to someone else');
        }
        if (auth.loginSessionId && auth.loginSessionId !== socket.data.loginSessionId) {
          if (socket.data.loginSessionId) void socket.leave(loginSessionRoom(socket.data.loginSessionId));
          socket.data.loginSessionId = auth.loginSessionId;
          void socket.join(loginSessionRoom(auth.loginSessionId));
        }
        socket.data.authExpiresAt = auth.expiresAt.getTime();
        expiry.reschedule();
        reply({ ok: true, data: { expiresAt: auth.expiresAt.toISOString() } });
      } catch (error) {
        reply({ ok: false, error: toAppError(error).toBody() });
      }
    })();
  });
}

function registerHandler(
  socket: SignallingSocket,
  event: HandledRequest,
  options: SignallingOptions,
  gate: RequestGate,
  state: SignallingState,
): void {
  // Payloads are unknown until the schema has parsed them, whatever the typed map says.
  const rawOn = socket.on.bind(socket) as unknown as (event: string, listener: (...args: unknown[]) => void) => void;
  const { payload: schema, roles } = SOCKET_REQUESTS[event] as SocketRequestSpec;
  const handler = requestHandlers[event] as RequestHandler<HandledRequest>;
  rawOn(event, (...args: unknown[]) => {
    // Read per request: a member's departments may change while the socket is open (member-scope.ts).
    const { principal } = socket.data;
    const ack = args.at(-1);
    if (typeof ack !== 'function') return; // every request must carry an ack; nothing to answer to
    const reply = ack as (response: Ack<unknown>) => void;
    const deferred: (() => Promise<void>)[] = [];
    const context: HandlerContext = {
      principal,
      socketId: socket.id,
      buildId: options.buildId,
      consultations: options.consultations,
      sfu: options.sfu,
      presence: options.presence,
      cluster: options.cluster,
      placement: options.placement,
      inCall: options.inCall,
      forms: options.forms,
      captions: options.captions,
      mediaChecks: state.mediaChecks,
      outcomes: options.outcomes,
      setAway: (away) => {
        socket.data.away = away;
      },
      afterAck: (task) => deferred.push(task),
    };
    const started = performance.now();
    void (async () => {
      try {
        if (!roles.includes(principal.role)) throw AppError.forbidden(`${event} is not allowed for ${principal.role}`);
        await gate(socket.id, principal, event);
        if (args.length !== 2) throw AppError.badRequest('a request takes exactly one payload and an ack');
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success && speaksOldProtocol(args[0])) {
          // A page loaded before the rename to consultationId: no alias, but a code that
          // says what is wrong (the page shows its generic error; a reload fixes it).
          throw new AppError(ErrorCode.ClientOutdated, 'this page is older than the server: reload it');
        }
        if (!parsed.success) throw AppError.badRequest('invalid payload', parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
        const data = await (handler.run as (c: HandlerContext, p: unknown) => Promise<unknown>)(context, parsed.data);
        reply({ ok: true, data });
        options.onRequestDone?.(event, (performance.now() - started) / 1000, null);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === ErrorCode.Internal) log.error({ err: error, event: event }, 'request failed');
        else log.debug({ code: appError.code, event: event }, 'request refused');
        reply({ ok: false, error: appError.toBody() });
        options.onRequestDone?.(event, (performance.now() - started) / 1000, appError.code);
        return;
      }
      for (const task of deferred) await task().catch((error: unknown) => log.warn({ err: error }, 'after-ack task failed'));
    })();
  });
}

/** Payload keys the protocol no longer has (renamed to consultationId / newConsultationId). */
const OLD_PROTOCOL_KEYS = ['sessionId', 'newSessionId']; // rename:keep

function speaksOldProtocol(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && OLD_PROTOCOL_KEYS.some((key) => Object.hasOwn(payload, key));
}
