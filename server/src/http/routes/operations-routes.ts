import type { ClusterLink } from '../../cluster/cluster-link';
import type { NodeLoad, OperationsOverview } from '@madoguchi/contract/operations';
import type { ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

export function registerOperationsRoutes(
  api: ApiRegistry,
  deps: RouteDeps & { nodeId: string; nodeLoad: () => Promise<NodeLoad>; cluster: ClusterLink },
): void {
  api.handle('operationsOverview', async () => {
    const [kiosks, queued, active, own, others] = await Promise.all([
      deps.kiosks.listSummaries(),
      deps.consultations.list({ page: 1, pageSize: 200, status: 'queued' }),
      deps.consultations.list({ page: 1, pageSize: 200, status: 'active' }),
      deps.nodeLoad(),
      deps.cluster.otherNodesLoad(),
    ]);
    const overview: OperationsOverview = {
      nodeId: deps.nodeId,
      at: deps.now().toISOString(),
      kiosks,
      liveConsultations: [...active.items, ...queued.items],
      nodes: [own, ...others.loads.sort((a, b) => a.nodeId.localeCompare(b.nodeId))],
      allNodesAnswered: others.complete,
    };
    return overview;
  });
}
