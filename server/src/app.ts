import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import type { SfuApi } from '@madoguchi/sfu';
import { PrincipalResolver } from './auth/principal-resolver';
import { TokenService } from './auth/token-service';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { Config, SocketLimitSettings } from './config/config';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { AppointmentRepository } from './db/repositories/appointment-repository';
import { AuditLogRepository } from './db/repositories/audit-log-repository';
import { ConsultationRepository } from './db/repositories/consultation-repository';
import { DepartmentRepository } from './db/repositories/department-repository';
import { KioskRepository } from './db/repositories/kiosk-repository';
import { TownSettingRepository } from './db/repositories/town-setting-repository';
import { ReportRepository } from './db/repositories/report-repository';
import { ConsultationEventRepository } from './db/repositories/consultation-event-repository';
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
import { noStore, permissionsPolicy, rejectMalformedPaths, releaseHeader } from './http/hardening';
import { Metrics } from './observability/metrics';
import { busyStaffEverywhere } from './cluster/busy-staff';
import { createClusterLink, type ClusterLink } from './cluster/cluster-link';
import { DatabaseCutOffGuard } from './cluster/database-cut-off';
import { createCallPlacement, type CallPlacement } from './cluster/call-placement';
import { PeerNodes } from './cluster/peer-nodes';
import { NodeLease } from './cluster/node-lease';
import { ServerNodeRepository } from './db/repositories/server-node-repository';
import { registerAppointmentRoutes } from './http/routes/appointment-routes';
import { registerBookingRoutes } from './http/routes/booking-routes';
import { createBooking, type Booking, type BookingLimits } from './domain/booking-wiring';
import { registerIntegrationRoutes } from './http/routes/integration-routes';
import { createIntegrations, type IntegrationSettings, type Integrations, type WebhookRetrySettings } from './webhooks/integration-wiring';
import { API_ROUTES, type RouteKey } from '@madoguchi/contract/api-routes';
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
import { FormRepository } from './db/repositories/form-repository';
import { FormService } from './forms/form-service';
import { registerFormRoutes } from './http/routes/form-routes';
import { CaptionService } from './captions/caption-service';
import { checkCaptionEngine, DEFAULT_CAPTION_SETTINGS, type CaptionSettings } from './captions/caption-engine';
import { CaptionTranscriptRepository } from './db/repositories/caption-transcript-repository';
import { OutcomeWriter } from './domain/outcome-writer';
import type { RouteDeps } from './http/routes/route-deps';
import type { ConsultationNotifier } from './domain/consultation-notifier';
import type { NodeLoad } from '@madoguchi/contract/operations';
import { legacyConsultationPaths } from './http/legacy-paths';
import { registerConsultationRoutes } from './http/routes/consultation-routes';
import { registerStaffRoutes } from './http/routes/staff-routes';
import { createStaticAppsRouter } from './http/static-apps';
import { releaseBuildId } from './release/build-id';
import { createSocketTransport, serveSignalling, type SocketAuth } from './signalling/socket-server';
import { principalRoom } from './domain/peer-identity';
import { loginSessionRoom } from './domain/room-names';
import { LoginSessionRepository } from './db/repositories/login-session-repository';
import { LoginSessionService } from './domain/login-sessions';
import { KioskDeviceService } from './domain/kiosk-device-service';
import { KioskService } from './domain/kiosk-service';
import { DepartmentService } from './domain/department-service';
import { ConsultationRecords } from './domain/consultation-records';
import { StaffLogin } from './domain/staff-login';
import { StaffService } from './domain/staff-service';
import { createSocketNotifier } from './signalling/socket-notifier';
import type { SignallingServer } from './signalling/signalling-types';

const log = createLogger('app');
/** NODE_FAILOVER_SECONDS' default, for apps built without the setting (tests). */
const DEFAULT_FAILOVER_MS = 10_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AppDeps {
  config: Pick<
    Config,
    'staffTokenTtlSeconds' | 'kioskTokenTtlSeconds' | 'reconnectGraceMs' | 'publicUrl' | 'noShowGraceMs' | 'pairingCodeTtlMs' | 'metricsToken' | 'redisUrl' | 'nodeId' | 'staffSessionHours'
  > &
    Partial<Pick<Config, 'nodeLeaseMs' | 'nodeFailoverMs' | 'buildId'>>;
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
  /** The public booking page's abuse limits (issue 19); defaults in booking-wiring.ts. */
  bookingLimits?: Partial<BookingLimits>;
  /** SMTP_URL and MAIL_FROM for residents' booking mail. */
  mail?: { smtpUrl: string | undefined; from: string };
  /** NODE_ROLE: `public` serves only the booking page, its routes and the OpenAPI document. */
  nodeRole?: 'full' | 'public';
  /** How often the outbox is sent (default 15 s); tests turn it off (0) and call booking.sender.runOnce(). */
  mailIntervalMs?: number;
  /** How often webhook deliveries are sent (default 5 s); tests turn it off (0) and call integrations.sender.runOnce(). */
  webhookIntervalMs?: number;
  /** The webhook sender's tries and back-off; tests shorten them. */
  webhookRetry?: WebhookRetrySettings;
  /** API_KEY_REQUESTS_PER_MINUTE, WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOW_HTTP, WEBHOOK_DELIVERY_RETENTION_DAYS (defaults in integration-wiring.ts). */
  integrations?: IntegrationSettings;
  /** How often expired Idempotency-Key answers and old deliveries are purged (default hourly); tests turn it off (0) and call integrations.purge.runOnce(). */
  purgeIntervalMs?: number;
  /** CAPTIONS_ENGINE, CAPTIONS_KEEP_TRANSCRIPT, CAPTIONS_FFMPEG (default: no recogniser, nothing kept). */
  captions?: CaptionSettings;
}

export interface Repositories {
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  consultations: ConsultationRepository;
  departments: DepartmentRepository;
  appointments: AppointmentRepository;
  consultationEvents: ConsultationEventRepository;
  audit: AuditLogRepository;
  reports: ReportRepository;
  snapshots: SnapshotRepository;
  townSettings: TownSettingRepository;
  quickPhrases: QuickPhraseRepository;
  forms: FormRepository;
  transcripts: CaptionTranscriptRepository;
  nodes: ServerNodeRepository;
}

export interface App {
  express: Express;
  httpServer: http.Server;
  io: SignallingServer;
  consultations: ConsultationService;
  /** Live captions of the calls on this node (issue 18). */
  captions: CaptionService;
  appointments: AppointmentService;
  /** Residents' own bookings: rules, free times, the public booking service and its mail outbox. */
  booking: Booking;
  /** API keys, idempotent creates and signed webhooks for the town's other systems. */
  integrations: Integrations;
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

/** Attempt counters, in Redis when nodes share one so N nodes do not allow N times the limit. */
interface Limits {
  store: LimiterStore;
  redis: Redis | undefined;
}

function buildRepositories(dataSource: DataSource): Repositories {
  return {
    consultations: new ConsultationRepository(dataSource),
    consultationEvents: new ConsultationEventRepository(dataSource),
    staff: new StaffUserRepository(dataSource),
    kiosks: new KioskRepository(dataSource),
    departments: new DepartmentRepository(dataSource),
    appointments: new AppointmentRepository(dataSource),
    audit: new AuditLogRepository(dataSource),
    reports: new ReportRepository(dataSource),
    snapshots: new SnapshotRepository(dataSource),
    townSettings: new TownSettingRepository(dataSource),
    quickPhrases: new QuickPhraseRepository(dataSource),
    forms: new FormRepository(dataSource),
    transcripts: new CaptionTranscriptRepository(dataSource),
    nodes: new ServerNodeRepository(dataSource),
  };
}

function buildLimits(redisUrl: string | undefined, prefix: string): Limits {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  redis?.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection problem (attempt limits)'));
  return { redis, store: { redis, prefix } };
}

/**
 * The HTTP server with its (still empty) Express app, the other nodes, the socket transport and
 * the cluster link. The app is the server's handler from the start: Socket.IO wraps the
 * handlers present when it attaches, so routes are mounted on the app later, never a second handler.
 */
interface Network {
  app: Express;
  httpServer: http.Server;
  nodeUrl: () => string;
  peers: PeerNodes;
  io: SignallingServer;
  cluster: ClusterLink;
  nodeLoad: () => Promise<NodeLoad>;
}

function buildNetwork(deps: AppDeps, redisPrefix: string): Network {
  const { config } = deps;
  const app = express();
  const httpServer = http.createServer(app);
  // Known once the server listens (tests listen on port 0).
  const nodeUrl = (): string => {
    if (config.publicUrl) return config.publicUrl;
    const address = httpServer.address();
    return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  };
  const peers = new PeerNodes(nodeUrl);
  const publicOrigins = config.publicUrl ? [new URL(config.publicUrl).origin] : [];
  const io = createSocketTransport({
    httpServer,
    allowedOrigins: () => [...publicOrigins, ...peers.origins()],
    connectionsPerAddress: deps.socketLimits?.connectionsPerAddress ?? 200,
    handshakeTimeoutMs: deps.socketLimits?.handshakeTimeoutMs,
  });
  const nodeLoad = createNodeLoadReader(deps.sfu, config.nodeId);
  const cluster = createClusterLink(io, peers, { nodeLoad, nodeId: config.nodeId, redisUrl: config.redisUrl, key: redisPrefix, nodeUrl });
  return { app, httpServer, nodeUrl, peers, io, cluster, nodeLoad };
}

/** The domain: every service, built on the repositories and told about events through the one notifier. */
interface Services {
  tokens: TokenService;
  resolver: PrincipalResolver;
  loginSessions: LoginSessionService;
  staffAccounts: StaffService;
  kioskAdmin: KioskService;
  departmentAdmin: DepartmentService;
  records: ConsultationRecords;
  appointments: AppointmentService;
  booking: Booking;
  integrations: Integrations;
  consultations: ConsultationService;
  inCall: InCallService;
  /** 書かない窓口: forms shown, corrected, signed or refused in a call. */
  forms: FormService;
  captions: CaptionService;
  outcomes: OutcomeWriter;
  placement: CallPlacement;
  staffLogin: StaffLogin;
  kioskDevices: KioskDeviceService;
}

function buildServices(deps: AppDeps, repositories: Repositories, limits: Limits, network: Network, metrics: Metrics, now: () => Date): Services {
  const { config, dataSource, sfu } = deps;
  const { io, cluster } = network;
  const tokens = new TokenService({
    secret: deps.jwtSecret,
    staffTtlSeconds: config.staffTokenTtlSeconds,
    kioskTtlSeconds: config.kioskTokenTtlSeconds,
  });
  const loginSessions = new LoginSessionService({
    sessions: new LoginSessionRepository(dataSource),
    staff: repositories.staff,
    tokens,
    audit: repositories.audit,
    sessionLifetimeMs: config.staffSessionHours * 3_600_000,
    disconnectSession: (loginSessionId) => io.in(loginSessionRoom(loginSessionId)).disconnectSockets(true),
    // Real time, like the JWT expiry it goes with (tests move the domain clock, not this one).
  });
  const resolver = new PrincipalResolver({
    tokens,
    staff: repositories.staff,
    kiosks: repositories.kiosks,
    loginLive: (loginSessionId, staffId) => loginSessions.isLive(loginSessionId, staffId),
  });
  const disconnectPrincipal = (role: 'kiosk' | 'staff', id: string): void => {
    io.in(principalRoom({ role, id })).disconnectSockets(true);
  };
  const staffAccounts = new StaffService({
    staff: repositories.staff,
    loginSessions,
    audit: repositories.audit,
    disconnect: (staffId) => disconnectPrincipal('staff', staffId),
    rescope: (staffId, departmentIds) => cluster.memberScopeChanged(staffId, departmentIds),
  });
  const kioskAdmin = new KioskService({
    kiosks: repositories.kiosks,
    audit: repositories.audit,
    pairingCodeTtlMs: config.pairingCodeTtlMs,
    disconnect: (kioskId) => disconnectPrincipal('kiosk', kioskId),
    now,
  });
  const booking = createBooking({
    dataSource,
    audit: repositories.audit,
    departments: repositories.departments,
    kiosks: repositories.kiosks,
    limiterStore: limits.store,
    secret: deps.jwtSecret,
    limits: deps.bookingLimits,
    mail: deps.mail,
    siteUrl: () => config.publicUrl ?? network.nodeUrl(),
    now,
  });
  const appointments = new AppointmentService({
    checkInLimiter: new AttemptLimiter(limits.store, CHECK_IN_LIMIT),
    appointments: repositories.appointments,
    departments: repositories.departments,
    kiosks: repositories.kiosks,
    staff: repositories.staff,
    audit: repositories.audit,
    now,
    // A slot that has not yet become a no-show may still be booked (a walk-in at the counter).
    startGraceMinutes: config.noShowGraceMs / 60_000,
    onStaffChange: (change) => booking.staffChanged(change),
  });
  const notifier: ConsultationNotifier = createSocketNotifier(io, cluster);
  // Made after the consultations they follow; the observer reaches them through these holders.
  const captionsHolder: { service?: CaptionService } = {};
  const formsHolder: { service?: FormService } = {};
  const consultations = new ConsultationService({
    nodeId: config.nodeId,
    nodes: repositories.nodes,
    leaseMs: config.nodeLeaseMs ?? 3_000,
    failoverMs: config.nodeFailoverMs ?? DEFAULT_FAILOVER_MS,
    consultationRecords: repositories.consultations,
    kiosks: repositories.kiosks,
    departments: repositories.departments,
    events: repositories.consultationEvents,
    appointments,
    sfu,
    notifier,
    reconnectGraceMs: config.reconnectGraceMs,
    now,
    guestLinks: new GuestLinkRepository(dataSource),
    onRejoin: () => metrics.reconnects.inc(),
    kioskDisplay: () => repositories.townSettings.kioskDisplay(),
    observer: {
      roomOpened: (consultation, room) => captionsHolder.service?.roomOpened(consultation, room),
      ended: (consultation) => {
        void captionsHolder.service?.callEnded(consultation.id);
        formsHolder.service?.callEnded(consultation.id, consultation.kiosk.id).catch((error: unknown) => log.error({ err: error, consultationId: consultation.id }, 'could not withdraw the forms left open'));
      },
    },
    // Every node's consoles (through the Redis adapter in a cluster), for the residents' forecasts.
    staffPresence: async () => {
      const sockets = await io.fetchSockets();
      return sockets.flatMap(({ data }) => {
        const { principal } = data;
        if (principal.role !== 'staff' && principal.role !== 'admin') return [];
        return [{ id: principal.id, role: principal.role, departmentIds: principal.departmentIds, away: data.away === true }];
      });
    },
    busyStaff: (onThisNode) => busyStaffEverywhere(repositories.consultations, onThisNode),
    onForecastInputsChanged: () => cluster.forecastInputsChanged(),
  });
  cluster.serve(consultations);
  metrics.observe(consultations);
  const inCall = new InCallService({
    consultations,
    notifier,
    consultationRecords: repositories.consultations,
    snapshots: repositories.snapshots,
    phrases: repositories.quickPhrases,
    now,
  });
  const forms = new FormService({ consultations, notifier, forms: repositories.forms, audit: repositories.audit, now });
  formsHolder.service = forms;
  const captions = createCaptionService(deps.captions ?? DEFAULT_CAPTION_SETTINGS, {
    consultations,
    notifier,
    transcripts: repositories.transcripts,
    now,
  });
  captionsHolder.service = captions;
  return {
    tokens,
    resolver,
    loginSessions,
    staffAccounts,
    kioskAdmin,
    departmentAdmin: new DepartmentService(repositories.departments, repositories.audit),
    records: new ConsultationRecords({
      consultations: repositories.consultations,
      consultationEvents: repositories.consultationEvents,
      appointments: repositories.appointments,
      staff: repositories.staff,
      departments: repositories.departments,
      audit: repositories.audit,
      transcripts: repositories.transcripts,
    }),
    appointments,
    booking,
    integrations: createIntegrations({
      dataSource,
      audit: repositories.audit,
      secret: deps.jwtSecret,
      limiterStore: limits.store,
      settings: deps.integrations,
      retry: deps.webhookRetry,
      now,
    }),
    consultations,
    inCall,
    forms,
    captions,
    outcomes: new OutcomeWriter({ consultations, consultationRecords: repositories.consultations, audit: repositories.audit, now }),
    placement: createCallPlacement(consultations, cluster),
    staffLogin: new StaffLogin({ staff: repositories.staff, loginGuard: new LoginGuard(limits.store), loginSessions, audit: repositories.audit }),
    kioskDevices: new KioskDeviceService({
      kiosks: repositories.kiosks,
      departments: repositories.departments,
      townSettings: repositories.townSettings,
      bookingOffers: booking.freeTimes,
      tokens,
      audit: repositories.audit,
      codeAttempts: new AttemptLimiter(limits.store, { name: 'pairing', attempts: 10, windowSeconds: 15 * 60 }),
      disconnect: (kioskId) => disconnectPrincipal('kiosk', kioskId),
      now,
    }),
  };
}

/** On close, how long requests still in flight may take before their connections are closed. */
const HTTP_CLOSE_GRACE_MS = 2_000;

/** Mounts on the Express app: security headers, health and metrics, the REST routes, the web apps. */
function mountHttpApp(
  deps: AppDeps,
  repositories: Repositories,
  services: Services,
  network: Network,
  metrics: Metrics,
  accepting: () => boolean,
  now: () => Date,
  buildId: string,
): void {
  const { config, dataSource, sfu } = deps;
  const { app, cluster, peers } = network;
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
          'connect-src': ["'self'", () => peers.origins().flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]).join(' ')],
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
  app.use('/api', releaseHeader(buildId));
  app.use(rejectMalformedPaths);
  app.use(legacyConsultationPaths);
  app.use(requestLog);
  app.use(
    createHealthRouter({
      dataSource,
      sfu,
      metrics,
      metricsToken: config.metricsToken,
      accepting,
      adapterReady: () => cluster.ready(),
    }),
  );
  app.use(express.json({ limit: '32kb' }));
  // Snapshot uploads are the one binary body; only that route reads it.
  app.use('/api/consultations/:id/snapshots', express.raw({ type: ['image/jpeg', 'image/png'], limit: SNAPSHOT_MAX_BYTES }));

  const routeDeps: RouteDeps = {
    staffLogin: services.staffLogin,
    kioskDevices: services.kioskDevices,
    staffAccounts: services.staffAccounts,
    kioskAdmin: services.kioskAdmin,
    departmentAdmin: services.departmentAdmin,
    records: services.records,
    tokens: services.tokens,
    staff: repositories.staff,
    kiosks: repositories.kiosks,
    departments: repositories.departments,
    consultations: repositories.consultations,
    consultationEvents: repositories.consultationEvents,
    appointmentRows: repositories.appointments,
    appointments: services.appointments,
    reports: repositories.reports,
    audit: repositories.audit,
    townSettings: repositories.townSettings,
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
  registerConsultationRoutes(api, routeDeps);
  registerReportRoutes(api, routeDeps);
  registerAuditRoutes(api, routeDeps);
  registerOperationsRoutes(api, { ...routeDeps, nodeId: config.nodeId, nodeLoad: network.nodeLoad, cluster });
  registerGuestRoutes(api, { tokens: services.tokens, placement: services.placement, publicUrl: config.publicUrl, audit: repositories.audit });
  registerSnapshotRoutes(api, { ...routeDeps, snapshots: repositories.snapshots, inCall: services.inCall });
  registerQuickPhraseRoutes(api, { ...routeDeps, phrases: repositories.quickPhrases });
  registerBookingRoutes(api, { ...services.booking, audit: repositories.audit, now });
  registerIntegrationRoutes(api, { ...services.integrations, bookings: services.booking.bookings, bookingRows: services.booking.bookingRows, freeTimes: services.booking.freeTimes });
  registerFormRoutes(api, { ...routeDeps, forms: repositories.forms });
  registerOpenApiRoute(api);
  const publicOnly = deps.nodeRole === 'public';
  // A public node serves the booking page's routes and the town platform's (API keys), never staff or kiosk routes.
  const publicRoute = (key: RouteKey): boolean =>
    key === 'openapi' || API_ROUTES[key].path.startsWith('/api/public/') || API_ROUTES[key].path.startsWith('/api/integration/');
  app.use(api.router(services.resolver, publicOnly ? publicRoute : undefined, services.integrations.apiKeys));
  app.use('/api', notFoundMiddleware);
  app.use(createStaticAppsRouter(repoRoot, { bookingOnly: publicOnly }));
  app.use(createErrorMiddleware((code) => metrics.errors.inc({ code, edge: 'rest' })));
}

/** Who is behind a socket's token: a kiosk, a guest admitted to one call, or a member of staff. */
function socketAuthenticator(services: Services): (token: string) => Promise<SocketAuth> {
  return async (token) => {
    const { principal, expiresAt } = await services.resolver.resolve(token);
    if (principal.kind === 'kiosk') return { principal: { role: 'kiosk', id: principal.kioskId, displayName: principal.displayName }, expiresAt };
    if (principal.kind === 'guest') {
      const { label, kind } = await services.consultations.admitGuest(principal.linkId, principal.consultationId);
      return { principal: { role: 'guest', id: principal.linkId, displayName: label, guestKind: kind }, expiresAt };
    }
    if (principal.mustChangePassword) throw new AppError(ErrorCode.PasswordChangeRequired, 'change your temporary password first');
    const socketPrincipal: SocketPrincipal = {
      role: principal.role,
      id: principal.staffId,
      displayName: principal.displayName,
      departmentIds: principal.departmentIds,
    };
    return { principal: socketPrincipal, expiresAt, loginSessionId: principal.loginSessionId };
  };
}

/**
 * Builds the app in dependency order, each step from what the earlier ones made: repositories,
 * the network (HTTP server, socket transport, cluster link), the services, the HTTP app, the
 * socket requests. Wired but not listening.
 */
export function createApp(deps: AppDeps): App {
  const { config, sfu } = deps;
  const now = deps.now ?? (() => new Date());
  const redisPrefix = deps.clusterKey ?? 'madoguchi';
  const repositories = buildRepositories(deps.dataSource);
  const limits = buildLimits(config.redisUrl, redisPrefix);
  const network = buildNetwork(deps, redisPrefix);
  const metrics = new Metrics(sfu);
  const services = buildServices(deps, repositories, limits, network, metrics, now);
  let closing = false;
  const buildId = releaseBuildId(repoRoot, config.buildId);
  mountHttpApp(deps, repositories, services, network, metrics, () => !closing, now, buildId);
  const { app, httpServer, io, cluster } = network;
  serveSignalling(io, {
    authenticate: socketAuthenticator(services),
    consultations: services.consultations,
    sfu,
    cluster,
    placement: services.placement,
    buildId,
    inCall: services.inCall,
    forms: services.forms,
    captions: services.captions,
    outcomes: services.outcomes,
    presence: { kioskAlive: (kioskId) => repositories.kiosks.recordHeartbeat(kioskId, now()) },
    onRequestDone: (event, seconds, errorCode) => {
      if (errorCode) metrics.errors.inc({ code: errorCode, edge: 'socket' });
      else if (event === 'joinRoom') metrics.joinLatency.observe(seconds);
    },
    limits: {
      requestsPerSecond: deps.socketLimits?.requestsPerSecond ?? 50,
      // A real kiosk calls, cancels or checks in a few times a minute; a loop must not fill the records.
      kioskQueue: new AttemptLimiter(limits.store, { name: 'kiosk-queue', attempts: deps.socketLimits?.kioskQueuePerMinute ?? 20, windowSeconds: 60 }),
    },
  });

  // Kiosks and staff never connect to a public-only node, whatever token they hold.
  if (deps.nodeRole === 'public') io.use((_socket, next) => next(new AppError(ErrorCode.Forbidden, 'this node serves only the booking page')));

  const { consultations, appointments, booking, integrations } = services;
  const leaseMs = config.nodeLeaseMs ?? 3_000;
  const lease = new NodeLease({
    nodeId: config.nodeId,
    url: network.nodeUrl,
    nodes: repositories.nodes,
    leaseMs,
    failoverMs: config.nodeFailoverMs ?? DEFAULT_FAILOVER_MS,
    onOrphansClosed: (closed) => consultations.announceClosed(closed),
    onStranded: (calls) => consultations.announceStranded(calls),
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
  if (deps.mailIntervalMs !== 0) booking.sender.start(deps.mailIntervalMs ?? 15_000);
  if (deps.webhookIntervalMs !== 0) integrations.sender.start(deps.webhookIntervalMs ?? 5_000);
  if (deps.purgeIntervalMs !== 0) integrations.purge.start(deps.purgeIntervalMs ?? 3_600_000);
  const stopNoShowJob =
    deps.noShowIntervalMs === 0 ? () => undefined : startNoShowJob(appointments, config.noShowGraceMs, deps.noShowIntervalMs);

  return {
    express: app,
    httpServer,
    io,
    consultations,
    captions: services.captions,
    appointments,
    booking,
    integrations,
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
      await booking.sender.stop();
      await integrations.sender.stop();
      await integrations.purge.stop();
      await consultations.shutdown('server_restart');
      await services.captions.shutdown();
      // io.close() closes the HTTP server too, which waits for every connection. A browser may hold
      // one on which it has sent nothing yet (a preconnect, seen from the booking page): Node counts
      // it busy until its headers time out, a minute or more, which held up upgrades. Requests in
      // flight get a moment to finish; then the rest are closed.
      const stragglers = setTimeout(() => httpServer.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      clearTimeout(stragglers);
      await cluster.close();
      await limits.redis?.quit().catch(() => undefined);
      // Give record writes waiting for the database a last chance.
      await consultations.writes.flush(5_000);
      consultations.writes.stop();
      // Last: the calls' ends are recorded, so the others need not sweep after this node.
      cutOff.stop();
      await lease.stop();
    },
  };
}

/** The caption service with the engine checked once: a configured engine that is missing is said plainly at start-up. */
function createCaptionService(
  settings: CaptionSettings,
  deps: Pick<ConstructorParameters<typeof CaptionService>[0], 'consultations' | 'notifier' | 'transcripts' | 'now'>,
): CaptionService {
  const check = settings.engine ? checkCaptionEngine(settings, repoRoot) : null;
  if (check && !check.ok) log.error({ engine: settings.engine }, `captions: the speech recogniser cannot run (${check.problem}); a human captioner still works`);
  if (check?.ok) log.info({ engine: check.spec.name }, 'captions: speech recogniser ready');
  return new CaptionService({
    ...deps,
    engine: check?.ok ? { spec: check.spec, ffmpegPath: settings.ffmpegPath } : null,
    engineUnavailable: check !== null && !check.ok,
    keepTranscript: settings.keepTranscript,
    captionerGraceMs: settings.captionerGraceMs,
  });
}
