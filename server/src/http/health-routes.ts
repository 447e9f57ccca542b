import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { SfuApi } from '@madoguchi/sfu';
import type { Metrics } from '../observability/metrics';

export interface HealthDeps {
  dataSource: DataSource;
  sfu: SfuApi;
  metrics: Metrics;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** False while the process is shutting down: stop sending new consultations here. */
  accepting(): boolean;
  /** The Socket.IO adapter (Redis when several nodes share the work). */
  adapterReady(): boolean;
}

const sameSecret = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Liveness, readiness and Prometheus metrics for operators and load balancers. */
export function createHealthRouter(deps: HealthDeps): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, boolean> = { accepting: deps.accepting() };
    checks['database'] = await deps.dataSource.query('SELECT 1').then(() => true, () => false);
    checks['mediaWorkers'] = await deps.sfu.stats().then((s) => s.workers.length > 0, () => false);
    checks['adapter'] = deps.adapterReady();
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });

  router.get('/metrics', async (req, res) => {
    if (deps.metricsToken) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, deps.metricsToken)) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'metrics need the metrics token' } });
        return;
      }
    }
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });

  return router;
}
