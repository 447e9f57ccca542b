import { createSfu } from '@madoguchi/sfu';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { resolveJwtSecret } from './config/jwt-secret';
import { openDataSource } from './db/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { ensureBootstrapAdmin } from './db/seed/bootstrap-admin';
import { seedDemoData } from './db/seed/demo-data';
import { ensureDemoAccess } from './db/seed/demo-seed';
import { seedDemoFormTemplates } from './forms/demo-templates';
import { configureLogging, createLogger } from './logging/logger';

const log = createLogger('main');

async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    databaseUrl = embedded.url;
  }
  const dataSource = await openDataSource(databaseUrl);
  const sfu = await createSfu({
    workers: config.media.workers,
    workerPeerLimit: config.media.peersPerWorker,
    listenIp: config.media.listenIp,
    announcedIp: config.media.announcedIp,
    webRtcServerPort: config.media.webRtcServerPort,
    rtcMinPort: config.media.minPort,
    rtcMaxPort: config.media.maxPort,
    noMediaTimeoutSeconds: config.media.noMediaTimeoutSeconds,
    preferredVideoCodec: config.media.videoCodec,
  });
  const app = createApp({ config, jwtSecret: resolveJwtSecret(config), dataSource, sfu, clusterKey: config.redisPrefix, socketLimits: config.socketLimits, mail: config.mail, nodeRole: config.nodeRole, captions: config.captions, integrations: config.integrations });
  await app.consultations.recoverAfterRestart();
  if (config.bootstrapAdmin) {
    await ensureBootstrapAdmin(app.repositories.staff, config.bootstrapAdmin.loginId, config.bootstrapAdmin.password);
  }
  const demo = config.demo.seed
    ? await ensureDemoAccess({ ...app.repositories, dataDir: config.dataDir, staffPassword: config.demo.staffPassword })
    : undefined;
  if (config.demo.seed) await seedDemoData(dataSource, app.repositories, config.demo.staffPassword);
  if (config.demo.seed) await seedDemoFormTemplates(app.repositories.forms, app.repositories.departments);

  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  const lines = [
    '',
    'Madoguchi is running.',
    `  Staff app:  ${base}/`,
    demo ? `  Kiosk app:  ${base}/kiosk/#credential=${demo.kioskCredential}` : `  Kiosk app:  ${base}/kiosk/`,
    demo ? `  Demo staff login: ${demo.staffLoginId} / ${demo.staffPassword}` : '',
    demo ? `  Demo admin login: demo-admin / ${demo.staffPassword}` : '',
    `  Database:   ${embedded ? 'embedded PostgreSQL in ' + config.dataDir : 'DATABASE_URL'}`,
    '',
  ];
  // Printed to the terminal on purpose (not logged): the operator needs these to start.
  process.stdout.write(lines.filter((line) => line !== '').join('\n') + '\n\n');

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, drainSeconds: config.drainTimeoutMs / 1000 }, 'shutting down: finishing live consultations');
    const { remaining } = await app.drain(config.drainTimeoutMs);
    if (remaining > 0) log.warn({ remaining }, 'drain limit reached; ending the remaining consultations');
    await app.close().catch((error: unknown) => log.error({ err: error }, 'closing app'));
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    await sfu.close();
    await dataSource.destroy();
    await embedded?.stop();
    process.exit(0);
  };
  // A second Ctrl-C skips the wait.
  process.on('SIGINT', () => (stopping ? process.exit(130) : void shutdown('SIGINT')));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`Madoguchi failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof Error && error.cause) process.stderr.write(`  cause: ${String(error.cause)}\n`);
  }
  process.exit(1);
});
