import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { CaptionSettings } from '../captions/caption-engine';
import { DEFAULT_API_KEY_REQUESTS_PER_MINUTE, DEFAULT_DELIVERY_RETENTION_DAYS, type IntegrationSettings } from '../webhooks/integration-wiring';
import { DEFAULT_WEBHOOK_URL_SETTINGS, parseAllowList } from '../webhooks/webhook-url-guard';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: port.default(3000),
  PUBLIC_URL: z.string().url().optional(),
  /** Names this node's release instead of the hash of the built apps (release/build-id.ts). */
  MADOGUCHI_BUILD_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  JWT_SECRET: z.string().min(32).optional(),
  // Access tokens live at most 15 minutes; the login itself lasts STAFF_SESSION_HOURS through refreshes.
  STAFF_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  KIOSK_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  MEDIA_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
  MEDIA_ANNOUNCED_IP: z.string().min(1).optional(),
  MEDIA_PORT: port.optional(),
  MEDIA_MIN_PORT: port.default(40000),
  MEDIA_MAX_PORT: port.default(49999),
  SFU_WORKERS: z.coerce.number().int().min(1).max(64).default(os.cpus().length),
  SFU_PEERS_PER_WORKER: z.coerce.number().int().min(1).max(10_000).default(100),
  MEDIA_TIMEOUT_SECONDS: z.coerce.number().int().min(3).max(120).default(15),
  MEDIA_VIDEO_CODEC: z.enum(['vp8', 'h264']).default('vp8'),
  RECONNECT_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  DEMO_SEED: bool.default(true),
  NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(15),
  PAIRING_CODE_TTL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  BOOTSTRAP_ADMIN_LOGIN: z.string().min(1).max(100).optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12).max(200).optional(),
  DEMO_STAFF_PASSWORD: z.string().min(8).default('madoguchi-demo'),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/).default('madoguchi'),
  NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
  NODE_LEASE_SECONDS: z.coerce.number().min(1).max(60).default(3),
  NODE_FAILOVER_SECONDS: z.coerce.number().min(0).max(300).default(10),
  DRAIN_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  METRICS_TOKEN: z.string().min(16).optional(),
  SOCKET_REQUESTS_PER_SECOND: z.coerce.number().int().min(5).max(10_000).default(50),
  SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(200),
  KIOSK_QUEUE_ACTIONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  NODE_ROLE: z.enum(['full', 'public']).default('full'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp://… or smtps://…').optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Madoguchi <no-reply@madoguchi.invalid>'),
  // The integration API and webhooks (issue 19): per-key request limit, where webhooks may go, how long deliveries are logged.
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_API_KEY_REQUESTS_PER_MINUTE),
  WEBHOOK_ALLOWED_HOSTS: z.string().max(4000).default(DEFAULT_WEBHOOK_URL_SETTINGS.allowedHosts),
  WEBHOOK_ALLOW_HTTP: bool.default(false),
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_DELIVERY_RETENTION_DAYS),
  // Live captions (docs/captions.md): the speech recogniser, and whether caption text may be kept.
  CAPTIONS_ENGINE: z.string().min(1).max(500).optional(),
  CAPTIONS_KEEP_TRANSCRIPT: bool.default(false),
  CAPTIONS_FFMPEG: z.string().min(1).max(500).default('ffmpeg'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  /** MADOGUCHI_BUILD_ID: the release's name when set; otherwise computed from the built apps. */
  buildId: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  jwtSecret: string | undefined;
  staffTokenTtlSeconds: number;
  staffSessionHours: number;
  kioskTokenTtlSeconds: number;
  media: {
    listenIp: string;
    announcedIp: string | undefined;
    webRtcServerPort: number | undefined;
    minPort: number;
    maxPort: number;
    workers: number;
    /** Call participants a worker takes before a room spills onto another worker (pipeToRouter). */
    peersPerWorker: number;
    /** No media this long: try ICE over TCP; as long again: the call ends as media_failed. */
    noMediaTimeoutSeconds: number;
    /** Video codec the browsers send when they can (MEDIA_VIDEO_CODEC); the other stays offered. */
    videoCodec: 'vp8' | 'h264';
  };
  reconnectGraceMs: number;
  /** A scheduled appointment becomes a no-show this long after its start. */
  noShowGraceMs: number;
  pairingCodeTtlMs: number;
  demo: { seed: boolean; staffPassword: string };
  bootstrapAdmin: { loginId: string; password: string } | undefined;
  logLevel: string;
  /** Several nodes share queue and notifications through Redis when set. */
  redisUrl: string | undefined;
  /** Prefix of every Redis channel and key: installations sharing one Redis never merge. */
  redisPrefix: string;
  /** Stable across restarts (host name and port by default), so a restarted node finds what it left open. */
  nodeId: string;
  /** A node whose lease (beaten in PostgreSQL every third of this) is this old is gone. */
  nodeLeaseMs: number;
  /**
   * After a lost node's lease runs out, how long its answered calls wait for their kiosk to
   * reach another node, which takes them over; then they are closed as node_lost.
   */
  nodeFailoverMs: number;
  /** On SIGTERM, how long live consultations may go on before they are ended. */
  drainTimeoutMs: number;
  /** When set, /metrics requires it as a bearer token. */
  metricsToken: string | undefined;
  socketLimits: SocketLimitSettings;
  /** Residents' booking mail (issue 19): the town's relay; unset, notices wait in the outbox. */
  mail: { smtpUrl: string | undefined; from: string };
  /** `public`: this node serves only the booking page and its routes (an internet-side node; issue 19). */
  nodeRole: 'full' | 'public';
  captions: CaptionSettings;
  /** API-key request limit, webhook allow-list, delivery log retention (issue 19). */
  integrations: Required<IntegrationSettings>;
}

/** Flood limits of the socket edge (issue 12, item 10). */
export interface SocketLimitSettings {
  requestsPerSecond: number;
  connectionsPerAddress: number;
  /** callStaff, cancelCall and checkIn per kiosk per minute, across all nodes. */
  kioskQueuePerMinute: number;
  /** How long a transport may stay open without joining (10 s; tests shorten it instead of waiting). */
  handshakeTimeoutMs?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once into a checked, frozen Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  // `NAME=` (as compose files and shells often leave it) means unset, not an invalid value.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET (32+ characters) must be set in production');
  }
  if (e.NODE_ENV === 'production' && e.DEMO_SEED && e.DEMO_STAFF_PASSWORD === 'madoguchi-demo') {
    throw new ConfigError('production with demo accounts needs a DEMO_STAFF_PASSWORD of its own; better, set DEMO_SEED=false');
  }
  if (e.NODE_ENV === 'production' && e.JWT_SECRET && /^(changeme|secret|test|madoguchi)/i.test(e.JWT_SECRET)) {
    throw new ConfigError('JWT_SECRET looks like a placeholder; generate one (e.g. openssl rand -base64 48)');
  }
  if (e.NODE_ENV === 'production' && !e.METRICS_TOKEN) {
    // The metrics tell who is online and how busy each counter is: not for anyone who asks.
    throw new ConfigError('METRICS_TOKEN (16+ characters) must be set in production; /metrics then wants it as a bearer token');
  }
  if (e.NODE_ENV === 'production' && e.REDIS_URL && !e.PUBLIC_URL) {
    // Staff answering a resident held by this node are sent here by this address.
    throw new ConfigError('with REDIS_URL (several nodes) every node needs its own PUBLIC_URL, the https address browsers reach it at');
  }
  try {
    parseAllowList(e.WEBHOOK_ALLOWED_HOSTS);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (e.MEDIA_MIN_PORT > e.MEDIA_MAX_PORT) {
    throw new ConfigError('MEDIA_MIN_PORT must not exceed MEDIA_MAX_PORT');
  }
  if (e.MEDIA_LISTEN_IP === '0.0.0.0' && !e.MEDIA_ANNOUNCED_IP) {
    throw new ConfigError('MEDIA_ANNOUNCED_IP is needed when MEDIA_LISTEN_IP is 0.0.0.0');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    buildId: e.MADOGUCHI_BUILD_ID,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    jwtSecret: e.JWT_SECRET,
    staffTokenTtlSeconds: e.STAFF_TOKEN_TTL_SECONDS,
    staffSessionHours: e.STAFF_SESSION_HOURS,
    kioskTokenTtlSeconds: e.KIOSK_TOKEN_TTL_SECONDS,
    media: Object.freeze({
      listenIp: e.MEDIA_LISTEN_IP,
      announcedIp: e.MEDIA_ANNOUNCED_IP,
      webRtcServerPort: e.MEDIA_PORT,
      minPort: e.MEDIA_MIN_PORT,
      maxPort: e.MEDIA_MAX_PORT,
      workers: e.SFU_WORKERS,
      peersPerWorker: e.SFU_PEERS_PER_WORKER,
      noMediaTimeoutSeconds: e.MEDIA_TIMEOUT_SECONDS,
      videoCodec: e.MEDIA_VIDEO_CODEC,
    }),
    reconnectGraceMs: e.RECONNECT_GRACE_SECONDS * 1000,
    noShowGraceMs: e.NO_SHOW_GRACE_MINUTES * 60_000,
    pairingCodeTtlMs: e.PAIRING_CODE_TTL_MINUTES * 60_000,
    demo: Object.freeze({ seed: e.DEMO_SEED, staffPassword: e.DEMO_STAFF_PASSWORD }),
    bootstrapAdmin:
      e.BOOTSTRAP_ADMIN_LOGIN && e.BOOTSTRAP_ADMIN_PASSWORD
        ? Object.freeze({ loginId: e.BOOTSTRAP_ADMIN_LOGIN, password: e.BOOTSTRAP_ADMIN_PASSWORD })
        : undefined,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    socketLimits: Object.freeze({
      requestsPerSecond: e.SOCKET_REQUESTS_PER_SECOND,
      connectionsPerAddress: e.SOCKETS_PER_ADDRESS,
      kioskQueuePerMinute: e.KIOSK_QUEUE_ACTIONS_PER_MINUTE,
    }),
    captions: Object.freeze({ engine: e.CAPTIONS_ENGINE, keepTranscript: e.CAPTIONS_KEEP_TRANSCRIPT, ffmpegPath: e.CAPTIONS_FFMPEG }),
    drainTimeoutMs: e.DRAIN_TIMEOUT_SECONDS * 1000,
    mail: Object.freeze({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM }),
    nodeRole: e.NODE_ROLE,
    integrations: Object.freeze({
      apiKeyRequestsPerMinute: e.API_KEY_REQUESTS_PER_MINUTE,
      webhookUrls: Object.freeze({ allowedHosts: e.WEBHOOK_ALLOWED_HOSTS, allowHttp: e.WEBHOOK_ALLOW_HTTP }),
      deliveryRetentionDays: e.WEBHOOK_DELIVERY_RETENTION_DAYS,
    }),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    nodeId: e.NODE_ID ?? `${os.hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40)}-${e.PORT}`,
    nodeLeaseMs: Math.round(e.NODE_LEASE_SECONDS * 1000),
    nodeFailoverMs: Math.round(e.NODE_FAILOVER_SECONDS * 1000),
  });
}
