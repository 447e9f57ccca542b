import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import type { SfuApi } from '@madoguchi/sfu';
import { PrincipalResolver } from './auth/principal-resolver';
import { TokenService } from './auth/token-service';
import { ErrorCode } from './contract/errors';
import type { Config, SocketLimitSettings } from './config/config';
import type { SocketPrincipal } from './contract/signalling-events';
import { AppointmentRepository } from './db/repositories/appointment-repository';
import { AuditLogRepository } from './db/repositories/audit-log-repository';
import { ConsultationSessionRepository } from './db/repositories/consultation-session-repository';
import { DepartmentRepository } from './db/repositories/department-repository';
import { KioskRepository } from './db/repositories/kiosk-repository';
import { TownSettingRepository } from './db/repositories/town-setting-repository';
import { ReportRepository } from './db/repositories/report-repository';
import { SessionEventRepository } from './db/repositories/session-event-repository';
import { StaffUserRepository } from './db/repositories/staff-user-repository';
import { AppError } from './domain/app-error';
import { AppointmentService, CHECK_IN_LIMIT } from './domain/appointment-service';
import { Redis } from 'ioredis';
import { AttemptLimiter, type LimiterStore } from './domain/attempt-limiter';
import { LoginGuard } from './domain/login-guard';
import { createLogger } from './logging/logger';
import { ConsultationService } from './domain/consultation-service';
import { startNoShowJob } from './domain/no-show-job';
import { ApiRegistry } from './http/api-registry';
import { createErrorMiddleware, notFoundMiddleware } from './http/error-middleware';
import { createHealthRouter } from './http/health-routes';
import { requestLog } from './http/request-log';
import { noStore, permissionsPolicy, rejectMalformedPaths } from './http/hardening';
import { Metrics } from './observability/metrics';
import { busyStaffEverywhere } from './cluster/busy-staff';
import { createClusterLink, type ClusterLink } from './cluster/cluster-link';
import { DatabaseCutOffGuard } from './cluster/database-cut-off';
import { NodeLease } from './cluster/node-lease';
import { ServerNodeRepository } from './db/repositories/server-node-repository';
import { registerAppointmentRoutes } from './http/routes/appointment-routes';
import { registerAuditRoutes, registerOpenApiRoute } from './http/routes/audit-routes';
import { registerAuthRoutes } from './http/routes/auth-routes';
import { registerDepartmentRoutes } from './http/routes/department-routes';
import { registerKioskDeviceRoutes } from './http/routes/kiosk-device-routes';
import { registerSettingsRoutes } from './http/routes/settings-routes';
import { registerKioskRoutes } from './http/routes/kiosk-routes';
import { registerOperationsRoutes } from './http/routes/operations-routes';
import { createNodeLoadReader } from './observability/node-load';
import { registerReportRoutes } from './http/routes/report-routes';
import { registerSnapshotRoutes, SNAPSHOT_MAX_BYTES } from './http/routes/snapshot-routes';
import { SnapshotRepository } from './db/repositories/snapshot-repository';
import { QuickPhraseRepository } from './db/repositories/quick-phrase-repository';
import { GuestLinkRepository } from './db/repositories/guest-link-repository';
import { registerGuestRoutes } from './http/routes/guest-routes';
import { registerQuickPhraseRoutes } from './http/routes/quick-phrase-routes';
import { InCallService } from './domain/in-call-service';
import { OutcomeWriter } from './domain/outcome-writer';
import type { RouteDeps } from './http/routes/route-deps';
import { registerSessionRoutes } from './http/routes/session-routes';
import { registerStaffRoutes } from './http/routes/staff-routes';
import { createStaticAppsRouter } from './http/static-apps';
import { createSignallingServer, type SocketAuth } from './signalling/socket-server';
import { principalRoom } from './domain/peer-identity';
import { authSessionRoom } from './domain/room-names';
import { AuthSessionRepository } from './db/repositories/auth-session-repository';
import { AuthSessionService } from './domain/auth-sessions';
import { createSocketNotifier } from './signalling/socket-notifier';
import type { SignallingServer } from './signalling/signalling-types';

const log = createLogger('app');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AppDeps {
  config: Pick<
    Config,
    'staffTokenTtlSeconds' | 'kioskTokenTtlSeconds' | 'reconnectGraceMs' | 'publicUrl' | 'noShowGraceMs' | 'pairingCodeTtlMs' | 'metricsToken' | 'redisUrl' | 'nodeId' | 'staffSessionHours'
  > &
    Partial<Pick<Config, 'nodeLeaseMs' | 'nodeFailoverMs'>>;
  jwtSecret: string;
  dataSource: DataSource;
  sfu: SfuApi;
  /** The no-show sweep; tests turn it off (0) and call appointments.markNoShows themselves. */
  noShowIntervalMs?: number;
  /** Prefix of every Redis channel and key (REDIS_PREFIX): installations sharing a Redis stay apart. */
  clusterKey?: string;
  now?: () => Date;
  /** SOCKET_REQUESTS_PER_SECOND, SOCKETS_PER_ADDRESS, KIOSK_QUEUE_ACTIONS_PER_MINUTE (defaults 50, 200, 20). */
  socketLimits?: Partial<SocketLimitSettings>;
}

export interface Repositories {
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  sessions: ConsultationSessionRepository;
  departments: DepartmentRepository;
  appointments: AppointmentRepository;
  events: SessionEventRepository;
  audit: AuditLogRepository;
  reports: ReportRepository;
  snapshots: SnapshotRepository;
  townSettings: TownSettingRepository;
  quickPhrases: QuickPhraseRepository;
}

export interface App {
  express: Express;
  httpServer: http.Server;
  io: SignallingServer;
  consultations: ConsultationService;
  appointments: AppointmentService;
  repositories: Repositories;
  metrics: Metrics;
  cluster: ClusterLink;
  /** This node's heartbeat in PostgreSQL; started once the server listens. */
  lease: NodeLease;
  /**
   * Graceful shutdown, first half: readiness turns false, new residents are refused, and live
   * consultations get up to `limitMs` to finish.
   */
  drain(limitMs: number): Promise<{ remaining: number }>;
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
  const now = deps.now ?? (() => new Date());
  const repositories: Repositories = {
    staff: new StaffUserRepository(dataSource),
    kiosks: new KioskRepository(dataSource),
    sessions: new ConsultationSessionRepository(dataSource),
    departments: new DepartmentRepository(dataSource),
    appointments: new AppointmentRepository(dataSource),
    events: new SessionEventRepository(dataSource),
    audit: new AuditLogRepository(dataSource),
    reports: new ReportRepository(dataSource),
    snapshots: new SnapshotRepository(dataSource),
    townSettings: new TownSettingRepository(dataSource),
    quickPhrases: new QuickPhraseRepository(dataSource),
  };
  const { staff, kiosks, sessions } = repositories;
  const redisPrefix = deps.clusterKey ?? 'madoguchi';
  // Attempt counters live in Redis when nodes share it, so N nodes do not allow N times the limit.
  const limiterRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  limiterRedis?.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection problem (attempt limits)'));
  const limiterStore: LimiterStore = { redis: limiterRedis, prefix: redisPrefix };
  const appointments = new AppointmentService({
    checkInLimiter: new AttemptLimiter(limiterStore, CHECK_IN_LIMIT),
    appointments: repositories.appointments,
    departments: repositories.departments,
    kiosks,
    staff,
    audit: repositories.audit,
    now,
  });
  // The notifier, the socket server and the REST routes need each other; they look io up late.
  const signalling: { io?: SignallingServer } = {};
  const ioOf = (): SignallingServer => {
    if (!signalling.io) throw new Error('signalling not ready');
    return signalling.io;
  };

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
          // Staff answering a resident held by another node open a socket to that node.
          // Chromium does not match ws: against an http: source, so both are listed.
          'connect-src': ["'self'", () => cluster.peerOrigins().flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]).join(' ')],
          'font-src': ["'self'"],
          // No page of ours may be framed (clickjacking a staff console that answers residents).
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
      frameguard: { action: 'deny' },
      // Only when browsers reach us over https (PUBLIC_URL); a plain-http install must not pin https.
      strictTransportSecurity: config.publicUrl?.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  app.use(permissionsPolicy);
  // Tokens and personal data must not be kept by browsers or proxies.
  app.use('/api', noStore);
  app.use(rejectMalformedPaths);
  let closing = false;
  const metrics = new Metrics({
    sfu,
    liveCounts: () => consultations.liveCounts(),
    queue: () => consultations.queue(),
  });
  app.use(requestLog);
  app.use(
    createHealthRouter({
      dataSource,
      sfu,
      metrics,
      metricsToken: config.metricsToken,
      accepting: () => !closing,
      adapterReady: () => cluster.ready(),
    }),
  );
  app.use(express.json({ limit: '32kb' }));
  // Snapshot uploads are the one binary body; only that route reads it.
  app.use('/api/sessions/:id/snapshots', express.raw({ type: ['image/jpeg', 'image/png'], limit: SNAPSHOT_MAX_BYTES }));
  const authSessions = new AuthSessionService({
    sessions: new AuthSessionRepository(dataSource),
    staff,
    tokens,
    audit: repositories.audit,
    sessionLifetimeMs: config.staffSessionHours * 3_600_000,
    disconnectSession: (sessionId) => ioOf().in(authSessionRoom(sessionId)).disconnectSockets(true),
    // Real time, like the JWT expiry it goes with (tests move the domain clock, not this one).
  });
  const resolver = new PrincipalResolver({
    tokens,
    staff,
    kiosks,
    loginLive: (sessionId, staffId) => authSessions.isLive(sessionId, staffId),
  });
  const inCallHolder: { service?: InCallService } = {};
  const inCallOf = (): InCallService => {
    if (!inCallHolder.service) throw new Error('in-call service not ready');
    return inCallHolder.service;
  };
  const nodeLoad = createNodeLoadReader(sfu, config.nodeId);
  const routeDeps: RouteDeps = {
    authSessions,
    tokens,
    staff,
    kiosks,
    departments: repositories.departments,
    sessions,
    events: repositories.events,
    appointmentRows: repositories.appointments,
    appointments,
    reports: repositories.reports,
    audit: repositories.audit,
    townSettings: repositories.townSettings,
    loginGuard: new LoginGuard(limiterStore),
    limiters: { pairing: new AttemptLimiter(limiterStore, { name: 'pairing', attempts: 10, windowSeconds: 15 * 60 }) },
    disconnect: {
      kiosk: (kioskId) => ioOf().in(principalRoom({ role: 'kiosk', id: kioskId })).disconnectSockets(true),
      staff: (staffId) => ioOf().in(principalRoom({ role: 'staff', id: staffId })).disconnectSockets(true),
    },
    pairingCodeTtlMs: config.pairingCodeTtlMs,
    now,
  };
  const api = new ApiRegistry();
  registerAuthRoutes(api, routeDeps);
  registerKioskDeviceRoutes(api, routeDeps);
  registerDepartmentRoutes(api, routeDeps);
  registerSettingsRoutes(api, routeDeps);
  registerStaffRoutes(api, routeDeps);
  registerKioskRoutes(api, routeDeps);
  registerAppointmentRoutes(api, routeDeps);
  registerSessionRoutes(api, routeDeps);
  registerReportRoutes(api, routeDeps);
  registerAuditRoutes(api, routeDeps);
  registerOperationsRoutes(api, { ...routeDeps, nodeId: config.nodeId, nodeLoad, cluster: () => cluster });
  registerGuestRoutes(api, {
    tokens,
    consultations: () => consultations,
    cluster: () => cluster,
    publicUrl: config.publicUrl,
    audit: repositories.audit,
  });
  registerSnapshotRoutes(api, { ...routeDeps, snapshots: repositories.snapshots, inCall: inCallOf });
  registerQuickPhraseRoutes(api, { ...routeDeps, phrases: repositories.quickPhrases });
  registerOpenApiRoute(api);
  app.use(api.router(resolver));
  app.use('/api', notFoundMiddleware);
  app.use(createStaticAppsRouter(repoRoot));
  app.use(createErrorMiddleware((code) => metrics.errors.inc({ code, edge: 'rest' })));

  const httpServer = http.createServer(app);
  const nodes = new ServerNodeRepository(dataSource);
  const leaseMs = config.nodeLeaseMs ?? 3_000;
  const failoverMs = config.nodeFailoverMs ?? 10_000;
  const consultations = new ConsultationService({
    nodeId: config.nodeId,
    nodes,
    leaseMs,
    failoverMs,
    sessions,
    kiosks,
    departments: repositories.departments,
    events: repositories.events,
    appointments,
    sfu,
    notifier: createSocketNotifier(ioOf, () => cluster),
    reconnectGraceMs: config.reconnectGraceMs,
    now,
    guestLinks: new GuestLinkRepository(dataSource),
    onRejoin: () => metrics.reconnects.inc(),
    kioskDisplay: () => repositories.townSettings.kioskDisplay(),
    // Every node's consoles (through the Redis adapter in a cluster), for the residents' forecasts.
    staffPresence: async () => {
      const sockets = await ioOf().fetchSockets();
      return sockets.flatMap(({ data }) => {
        const { principal } = data;
        if (principal.role !== 'staff' && principal.role !== 'admin') return [];
        return [{ id: principal.id, role: principal.role, departmentIds: principal.departmentIds, away: data.away === true }];
      });
    },
    busyStaff: (onThisNode) => busyStaffEverywhere(sessions, onThisNode),
    onForecastInputsChanged: () => cluster.forecastInputsChanged(),
  });
  const inCall = new InCallService({
    consultations,
    notifier: createSocketNotifier(ioOf, () => cluster),
    sessions,
    snapshots: repositories.snapshots,
    phrases: repositories.quickPhrases,
    now,
  });
  inCallHolder.service = inCall;

  const authenticate = async (token: string): Promise<SocketAuth> => {
    const { principal, expiresAt } = await resolver.resolve(token);
    if (principal.kind === 'kiosk') return { principal: { role: 'kiosk', id: principal.kioskId, displayName: principal.displayName }, expiresAt };
    if (principal.kind === 'guest') {
      const { label, kind } = await consultations.admitGuest(principal.linkId, principal.sessionId);
      return { principal: { role: 'guest', id: principal.linkId, displayName: label, guestKind: kind }, expiresAt };
    }
    if (principal.mustChangePassword) throw new AppError(ErrorCode.PasswordChangeRequired, 'change your temporary password first');
    const socketPrincipal: SocketPrincipal = {
      role: principal.role,
      id: principal.staffId,
      displayName: principal.displayName,
      departmentIds: principal.departmentIds,
    };
    return { principal: socketPrincipal, expiresAt, authSessionId: principal.sessionId };
  };

  const io = createSignallingServer({
    httpServer,
    authenticate,
    consultations,
    sfu,
    cluster: () => cluster,
    inCall,
    outcomes: new OutcomeWriter({ consultations, sessions, audit: repositories.audit, now }),
    presence: { kioskAlive: (kioskId) => kiosks.recordHeartbeat(kioskId, now()) },
    onRequestDone: (event, seconds, errorCode) => {
      if (errorCode) metrics.errors.inc({ code: errorCode, edge: 'socket' });
      else if (event === 'joinRoom') metrics.joinLatency.observe(seconds);
    },
    allowedOrigins: () => [...(config.publicUrl ? [new URL(config.publicUrl).origin] : []), ...cluster.peerOrigins()],
    limits: {
      requestsPerSecond: deps.socketLimits?.requestsPerSecond ?? 50,
      connectionsPerAddress: deps.socketLimits?.connectionsPerAddress ?? 200,
      // A real kiosk calls, cancels or checks in a few times a minute; a loop must not fill the records.
      kioskQueue: new AttemptLimiter(limiterStore, { name: 'kiosk-queue', attempts: deps.socketLimits?.kioskQueuePerMinute ?? 20, windowSeconds: 60 }),
    },
  });
  signalling.io = io;
  const cluster = createClusterLink(io, () => consultations, {
    nodeLoad,
    nodeId: config.nodeId,
    redisUrl: config.redisUrl,
    key: redisPrefix,
    nodeUrl: () => nodeUrl(),
  });
  const nodeUrl = (): string => {
    if (config.publicUrl) return config.publicUrl;
    const address = httpServer.address();
    return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  };
  const lease = new NodeLease({
    nodeId: config.nodeId,
    url: nodeUrl,
    nodes,
    leaseMs,
    failoverMs,
    onOrphansClosed: (closed) => consultations.announceClosed(closed),
    onBeat: (judging) => {
      if (judging) cluster.reportJudgingBeat();
    },
  });
  const cutOff = new DatabaseCutOffGuard({
    lease,
    leaseMs,
    peerJudgedSince: (at) => cluster.peerJudgedSince(at),
    onCutOff: (lastBeatAt) => {
      log.error('cut off from the database while other nodes reach it: ending the calls held here, as they are recorded');
      void consultations.endAllHeld('node_lost', lastBeatAt).catch((error: unknown) => log.error({ err: error }, 'could not end the calls of a cut-off node'));
    },
  });
  httpServer.once('listening', () => {
    cluster.announce();
    lease.start();
    cutOff.start();
  });
  const stopNoShowJob =
    deps.noShowIntervalMs === 0 ? () => undefined : startNoShowJob(appointments, config.noShowGraceMs, deps.noShowIntervalMs);

  return {
    express: app,
    httpServer,
    io,
    consultations,
    appointments,
    repositories,
    metrics,
    cluster,
    lease,
    drain(limitMs) {
      closing = true;
      return consultations.drain(limitMs);
    },
    async close() {
      closing = true;
      stopNoShowJob();
      await consultations.shutdown('server_restart');
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await cluster.close();
      await limiterRedis?.quit().catch(() => undefined);
      // Give record writes waiting for the database a last chance.
      await consultations.writes.flush(5_000);
      consultations.writes.stop();
      // Last: the calls' ends are recorded, so the others need not sweep after this node.
      cutOff.stop();
      await lease.stop();
    },
  };
}
