/** A node not heard from this long has left (its snapshots come every 10 s). */
export const PEER_STALE_MS = 35_000;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The other server nodes seen lately and their origins. Built before the socket server (whose
 * origin check reads it) and filled by the cluster link as the nodes' snapshots arrive, so
 * neither has to look the other up later.
 */
export class PeerNodes {
  private readonly seen = new Map<string, { origin: string | null; at: number }>();

  constructor(private readonly ownUrl: () => string) {}

  saw(nodeId: string, nodeUrl: string): void {
    this.seen.set(nodeId, { origin: originOf(nodeUrl), at: Date.now() });
  }

  /**
   * Origins of the other nodes seen lately: pages this node serves may open sockets to them
   * (CSP), and pages they serve may open sockets here (origin check).
   */
  origins(): string[] {
    const now = Date.now();
    const own = originOf(this.ownUrl());
    const origins = new Set<string>();
    for (const [nodeId, { origin, at }] of this.seen) {
      if (now - at > PEER_STALE_MS) this.seen.delete(nodeId);
      else if (origin && origin !== own) origins.add(origin);
    }
    return [...origins];
  }
}
