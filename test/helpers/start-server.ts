import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createSfu, type SfuApi, type SfuConfig } from '@madoguchi/sfu';
import { createApp, type App } from '../../server/src/app';
import type { SocketLimitSettings } from '../../server/src/config/config';
import type { BookingLimits } from '../../server/src/domain/booking-wiring';
import type { IntegrationSettings, WebhookRetrySettings } from '../../server/src/webhooks/integration-wiring';
import { DEFAULT_CAPTION_SETTINGS, type CaptionSettings } from '../../server/src/captions/caption-engine';
import { ensureDemoAccess, type DemoAccess } from '../../server/src/db/seed/demo-seed';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './test-database';

export interface TestServer {
  url: string;
  app: App;
  sfu: SfuApi;
  db: TestDatabase;
  demo: DemoAccess;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** One per test process (its nodes share it), never reused: Redis counters of an earlier run stay apart. */
const CLUSTER_KEY = `madoguchi-test-${process.pid}-${randomUUID().slice(0, 8)}`;

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** createApp() on port 0 with a real SFU and a real database; close() tears all down. */
export interface TestServerOptions {
  database?: DatabaseKind;
  reconnectGraceMs?: number;
  port?: number;
  /** Single-port WebRtcServer mode (0: any free port) instead of a port range. */
  webRtcServerPort?: number;
  /** A clock for the domain (appointments, check-in windows); real time if absent. */
  now?: () => Date;
  staffTokenTtlSeconds?: number;
  /** Per-connection request rate and connections per address (defaults 50/s and 200). */
  socketLimits?: Partial<SocketLimitSettings>;
  /** PUBLIC_URL (https turns HSTS on). */
  publicUrl?: string;
  /** Join other nodes through Redis (the multi-node test). */
  redisUrl?: string;
  nodeId?: string;
  /** Another node's database: several nodes share one. The first node owns and closes it. */
  sharedDatabase?: TestDatabase;
  /** Media-layer settings over the test defaults (one worker, loopback, ports 20000-29999). */
  sfu?: Partial<SfuConfig>;
  /** The public booking page's abuse limits (issue 19). */
  bookingLimits?: Partial<BookingLimits>;
  /** SMTP relay for booking mail; the outbox is sent only when the test calls app.booking.sender.runOnce(), unless mailIntervalMs is given. */
  mail?: { smtpUrl: string | undefined; from: string };
  mailIntervalMs?: number;
  /** Webhook deliveries are sent only when the test calls app.integrations.sender.runOnce(); their tries and back-off. */
  webhookRetry?: WebhookRetrySettings;
  /** Per-key request limit, webhook allow-list, delivery retention; the purge runs only when the test calls app.integrations.purge.runOnce(). */
  integrations?: IntegrationSettings;
  /** `public`: only the booking page and its routes (NODE_ROLE). */
  nodeRole?: 'full' | 'public';
  /** CAPTIONS_ENGINE and CAPTIONS_KEEP_TRANSCRIPT (default: no recogniser, nothing kept). */
  captions?: Partial<CaptionSettings>;
  /** NO_SHOW_GRACE_MINUTES (default 15): also how long ago a staff-booked slot may have started. */
  noShowGraceMinutes?: number;
  /** MADOGUCHI_BUILD_ID: the release the server names (default: the hash of the built apps). */
  buildId?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.sharedDatabase ?? (await openTestDatabase(options.database ?? 'embedded'));
  const sfu = await createSfu({
    workers: 1,
    listenIp: '127.0.0.1',
    rtcMinPort: 20000,
    rtcMaxPort: 29999,
    webRtcServerPort: options.webRtcServerPort,
    ...options.sfu,
  });
  const app = createApp({
    config: {
      staffTokenTtlSeconds: options.staffTokenTtlSeconds ?? 900,
      staffSessionHours: 12,
      kioskTokenTtlSeconds: 900,
      reconnectGraceMs: options.reconnectGraceMs ?? 3000,
      publicUrl: options.publicUrl,
      buildId: options.buildId,
      noShowGraceMs: (options.noShowGraceMinutes ?? 15) * 60_000,
      pairingCodeTtlMs: 60 * 60_000,
      metricsToken: undefined,
      redisUrl: options.redisUrl,
      nodeId: options.nodeId ?? 'test-node',
    },
    noShowIntervalMs: 0,
    clusterKey: CLUSTER_KEY,
    now: options.now,
    socketLimits: options.socketLimits,
    bookingLimits: options.bookingLimits,
    mail: options.mail,
    mailIntervalMs: options.mailIntervalMs ?? 0,
    webhookIntervalMs: 0,
    webhookRetry: options.webhookRetry,
    integrations: options.integrations,
    purgeIntervalMs: 0,
    nodeRole: options.nodeRole,
    jwtSecret: TEST_JWT_SECRET,
    captions: { ...DEFAULT_CAPTION_SETTINGS, ...options.captions },
    dataSource: db.dataSource,
    sfu,
  });
  const demo = await ensureDemoAccess({ ...app.repositories, dataDir: db.dataDir, staffPassword: 'test-password' });
  await new Promise<void>((resolve) => app.httpServer.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await app.close();
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    await sfu.close();
    if (!options.sharedDatabase) await db.close();
  };
  return { url: `http://127.0.0.1:${port}`, app, sfu, db, demo, close, [Symbol.asyncDispose]: close };
}
