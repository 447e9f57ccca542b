import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import type { SfuApi } from '@madoguchi/sfu';
import { TokenService } from './auth/token-service';
import type { Config } from './config/config';
import type { SocketPrincipal } from './contract/signalling-events';
import { ConsultationSessionRepository } from './db/repositories/consultation-session-repository';
import { KioskRepository } from './db/repositories/kiosk-repository';
import { StaffUserRepository } from './db/repositories/staff-user-repository';
import { AppError } from './domain/app-error';
import { ConsultationService } from './domain/consultation-service';
import { createAuthRouter } from './http/auth-router';
import { errorMiddleware, notFoundMiddleware } from './http/error-middleware';
import { createKioskAuthRouter } from './http/kiosk-auth-router';
import { createSessionsRouter } from './http/sessions-router';
import { createStaticAppsRouter } from './http/static-apps';
import { createSignallingServer } from './signalling/socket-server';
import { createSocketNotifier } from './signalling/socket-notifier';
import type { SignallingServer } from './signalling/signalling-types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AppDeps {
  config: Pick<Config, 'staffTokenTtlSeconds' | 'kioskTokenTtlSeconds' | 'reconnectGraceMs' | 'publicUrl'>;
  jwtSecret: string;
  dataSource: DataSource;
  sfu: SfuApi;
}

export interface App {
  express: Express;
  httpServer: http.Server;
  io: SignallingServer;
  consultations: ConsultationService;
  repositories: {
    staff: StaffUserRepository;
    kiosks: KioskRepository;
    sessions: ConsultationSessionRepository;
  };
  /** Ends live calls, closes sockets and the HTTP server; the caller owns the DB and SFU. */
  close(): Promise<void>;
}

/** Builds the Express app and Socket.IO server, wired but not listening. */
export function createApp(deps: AppDeps): App {
  const { config, dataSource, sfu } = deps;
  const tokens = new TokenService({
    secret: deps.jwtSecret,
    staffTtlSeconds: config.staffTokenTtlSeconds,
    kioskTtlSeconds: config.kioskTokenTtlSeconds,
  });
  const staff = new StaffUserRepository(dataSource);
  const kiosks = new KioskRepository(dataSource);
  const sessions = new ConsultationSessionRepository(dataSource);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'connect-src': ["'self'"],
          'font-src': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(express.json({ limit: '32kb' }));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.use('/api/auth', createAuthRouter({ staff, tokens }));
  app.use('/api/kiosk', createKioskAuthRouter({ kiosks, tokens }));
  app.use('/api/sessions', createSessionsRouter({ sessions, tokens }));
  app.use('/api', notFoundMiddleware);
  app.use(createStaticAppsRouter(repoRoot));
  app.use(errorMiddleware);

  const httpServer = http.createServer(app);
  // The notifier and the socket server need each other; the notifier looks it up late.
  const signalling: { io?: SignallingServer } = {};
  const consultations = new ConsultationService({
    sessions,
    kiosks,
    sfu,
    notifier: createSocketNotifier(() => {
      if (!signalling.io) throw new Error('signalling not ready');
      return signalling.io;
    }),
    reconnectGraceMs: config.reconnectGraceMs,
  });

  const authenticate = async (token: string): Promise<SocketPrincipal> => {
    const grant = tokens.verify(token);
    if (grant.kind === 'kiosk') {
      const kiosk = await kiosks.findById(grant.kioskId);
      if (!kiosk?.active) throw AppError.unauthenticated('kiosk is not registered');
      return { role: 'kiosk', id: kiosk.id, displayName: kiosk.name };
    }
    const user = await staff.findById(grant.staffId);
    if (!user?.active) throw AppError.unauthenticated('account is not active');
    return { role: user.role, id: user.id, displayName: user.displayName };
  };

  const io = createSignallingServer({
    httpServer,
    authenticate,
    consultations,
    sfu,
    allowedOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : undefined,
  });
  signalling.io = io;

  return {
    express: app,
    httpServer,
    io,
    consultations,
    repositories: { staff, kiosks, sessions },
    async close() {
      await consultations.shutdown('server_restart');
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}
