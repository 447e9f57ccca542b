/**
 * Where rooms and peers go, as pure functions over load counters so they can be tested
 * without starting mediasoup workers.
 */

/** The load counters placement reads from a worker slot. */
export interface WorkerLoadView {
  /** Peers placed on the worker, all rooms together. */
  readonly peers: number;
  /** Rooms whose home router is on the worker. */
  readonly rooms: number;
}

/** Fewest peers first; equal peers, fewest rooms. Undefined when `candidates` is empty. */
export function leastLoadedOf<T extends WorkerLoadView>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!best || candidate.peers < best.peers || (candidate.peers === best.peers && candidate.rooms < best.rooms)) {
      best = candidate;
    }
  }
  return best;
}

export interface PeerPlacementOptions<T extends WorkerLoadView> {
  /** The worker of the room's home router. */
  home: T;
  /** The workers still running, home included or not. */
  live: readonly T[];
  /** Peers a worker takes before a room spills onto another one. */
  limit: number;
}

/**
 * The worker a room's next peer goes on: home while it is below `limit`, else the least-loaded
 * other worker below `limit`. When every worker is full the peer still goes home: one overloaded
 * worker is better than a room spread over several overloaded ones.
 */
export function placePeer<T extends WorkerLoadView>({ home, live, limit }: PeerPlacementOptions<T>): T {
  if (home.peers < limit) return home;
  const roomy = live.filter((candidate) => candidate !== home && candidate.peers < limit);
  return leastLoadedOf(roomy) ?? home;
}
