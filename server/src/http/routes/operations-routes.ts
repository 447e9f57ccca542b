import type { SfuApi } from '@madoguchi/sfu';
import type { OperationsOverview, WorkerLoad } from '../../contract/operations';
import type { ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Worker CPU as a share of a core between two looks at the cumulative counters. */
function workerLoadTracker(sfu: SfuApi) {
  let previous: { at: number; cpuMs: number[] } | null = null;
  return async (): Promise<{ workers: WorkerLoad[]; media: OperationsOverview['media'] }> => {
    const stats = await sfu.stats();
    const now = performance.now();
    const workers = stats.workers.map((w, index) => {
      const before = previous?.cpuMs[index];
      const elapsed = previous ? now - previous.at : 0;
      return {
        index,
        rooms: w.rooms,
        peers: w.peers,
        cpuPercent: before !== undefined && elapsed > 0 ? Math.round(((w.cpuMs - before) / elapsed) * 1000) / 10 : null,
        rssMb: Math.round(w.maxRssKb / 1024),
      };
    });
    previous = { at: now, cpuMs: stats.workers.map((w) => w.cpuMs) };
    const { transports, producers, consumers } = stats.media;
    return { workers, media: { transports, producers, consumers } };
  };
}

export function registerOperationsRoutes(api: ApiRegistry, deps: RouteDeps & { sfu: SfuApi; nodeId: string }): void {
  const load = workerLoadTracker(deps.sfu);
  api.handle('operationsOverview', { returns: 'OperationsOverview' }, async () => {
    const [kiosks, queued, active, media] = await Promise.all([
      deps.kiosks.listSummaries(),
      deps.sessions.list({ page: 1, pageSize: 200, status: 'queued' }),
      deps.sessions.list({ page: 1, pageSize: 200, status: 'active' }),
      load(),
    ]);
    const overview: OperationsOverview = {
      nodeId: deps.nodeId,
      at: deps.now().toISOString(),
      kiosks,
      liveSessions: [...active.items, ...queued.items],
      workers: media.workers,
      media: media.media,
    };
    return overview;
  });
}
