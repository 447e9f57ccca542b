import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { SfuApi } from '@madoguchi/sfu';
import type { Ack } from '../contract/ack';
import { ErrorCode } from '../contract/errors';
import type { SocketPrincipal } from '../contract/signalling-events';
import { AppError, toAppError } from '../domain/app-error';
import type { ConsultationService } from '../domain/consultation-service';
import type { ClusterLink } from '../cluster/cluster-link';
import { createLogger } from '../logging/logger';
import { requestHandlers } from './handlers';
import type { AnyRequestHandler, HandlerContext, KioskPresence, SignallingServer, SignallingSocket } from './signalling-types';

const log = createLogger('signalling');

export interface SignallingOptions {
  httpServer: HttpServer;
  /** Verifies the handshake token and loads who is behind it; throws AppError if not allowed. */
  authenticate(token: string): Promise<SocketPrincipal>;
  consultations: ConsultationService;
  sfu: SfuApi;
  presence: KioskPresence;
  /** Read per request: the link is made after the server. */
  cluster: () => ClusterLink;
  /** Told about every answered request: its event, how long it took, and the error code if it failed. */
  onRequestDone?: (event: string, seconds: number, errorCode: string | null) => void;
  allowedOrigins: string[] | undefined;
}

export const principalRoom = (principal: { role: string; id: string }): string =>
  principal.role === 'kiosk' ? `peer:kiosk:${principal.id}` : `peer:staff:${principal.id}`;
export const STAFF_ROOM = 'staff';

export function createSignallingServer(options: SignallingOptions): SignallingServer {
  const io: SignallingServer = new Server(options.httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: options.allowedOrigins ? { origin: options.allowedOrigins } : undefined,
    // WebSocket upgrades are not covered by CORS: only same-host pages and configured origins
    // may open a socket (tools without an Origin header, such as tests, pass).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      callback(null, originHost(origin) === req.headers.host || (options.allowedOrigins?.includes(origin) ?? false));
    },
  });

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
    options.authenticate(token).then(
      (principal) => {
        socket.data.principal = principal;
        next();
      },
      (error: unknown) => next(refuse(error)),
    );
  });

  io.on('connection', (socket) => onConnection(socket, options));
  return io;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function onConnection(socket: SignallingSocket, options: SignallingOptions): void {
  const { principal } = socket.data;
  void socket.join(principalRoom(principal));
  if (principal.role !== 'kiosk') void socket.join(STAFF_ROOM);
  if (principal.role === 'kiosk') {
    void options.presence.kioskAlive(principal.id).catch((error: unknown) => log.warn({ err: error }, 'could not record kiosk presence'));
  }
  log.debug({ role: principal.role, socketId: socket.id }, 'socket connected');

  const known = new Set<string>();
  for (const handler of requestHandlers) {
    known.add(handler.event);
    registerHandler(socket, handler, options);
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
    options.consultations.handleDisconnect(principal, socket.id);
  });
}

function registerHandler(socket: SignallingSocket, handler: AnyRequestHandler, options: SignallingOptions): void {
  const { principal } = socket.data;
  // Payloads are unknown until the schema has parsed them, whatever the typed map says.
  const rawOn = socket.on.bind(socket) as unknown as (event: string, listener: (...args: unknown[]) => void) => void;
  rawOn(handler.event, (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return; // every request must carry an ack; nothing to answer to
    const reply = ack as (response: Ack<unknown>) => void;
    const deferred: (() => Promise<void>)[] = [];
    const context: HandlerContext = {
      principal,
      socketId: socket.id,
      consultations: options.consultations,
      sfu: options.sfu,
      presence: options.presence,
      cluster: options.cluster(),
      afterAck: (task) => deferred.push(task),
    };
    const started = performance.now();
    void (async () => {
      try {
        if (!handler.roles.includes(principal.role)) throw AppError.forbidden(`${handler.event} is not allowed for ${principal.role}`);
        if (args.length !== 2) throw AppError.badRequest('a request takes exactly one payload and an ack');
        const parsed = handler.schema.safeParse(args[0]);
        if (!parsed.success) throw AppError.badRequest('invalid payload', parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })));
        const data = await (handler.run as (c: HandlerContext, p: unknown) => Promise<unknown>)(context, parsed.data);
        reply({ ok: true, data });
        options.onRequestDone?.(handler.event, (performance.now() - started) / 1000, null);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === ErrorCode.Internal) log.error({ err: error, event: handler.event }, 'request failed');
        else log.debug({ code: appError.code, event: handler.event }, 'request refused');
        reply({ ok: false, error: appError.toBody() });
        options.onRequestDone?.(handler.event, (performance.now() - started) / 1000, appError.code);
        return;
      }
      for (const task of deferred) await task().catch((error: unknown) => log.warn({ err: error }, 'after-ack task failed'));
    })();
  });
}
