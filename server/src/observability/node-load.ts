import type { SfuApi } from '@madoguchi/sfu';
import type { NodeLoad } from '@madoguchi/contract/operations';

/**
 * Reads this node's media load. Worker CPU is a share of one core between two reads of the
 * cumulative counters, so the first read after start has none (null).
 */
export function createNodeLoadReader(sfu: SfuApi, nodeId: string): () => Promise<NodeLoad> {
  let previous: { at: number; cpuMs: number[] } | null = null;
  return async () => {
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
    return { nodeId, self: true, workers, media: { transports, producers, consumers } };
  };
}
