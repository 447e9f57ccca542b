import { createLogger } from './logger';

const logger = createLogger('node-failover');

/** How long the node carrying a kiosk's call may be silent before another node is tried. */
export const FAILOVER_AFTER_MS = 1_000;
/** Between rounds over the other nodes (the lost node's lease may not have run out yet). */
export const FAILOVER_RETRY_MS = 1_000;
/** How long connecting to one candidate node may take before the next is tried. */
export const FAILOVER_CONNECT_TIMEOUT_MS = 4_000;

/** What trying one node gave: the call goes on there, it had ended, or that node cannot take it. */
export type FailoverOutcome = 'resumed' | 'ended' | 'not_here';

export interface NodeFailoverOptions {
  /** The cluster's node URLs as the server last told them (its own first). */
  nodeUrls: () => readonly string[];
  /** The origin of the node whose socket dropped: not worth trying. */
  lostOrigin: () => string;
  /** Still in an answered call whose socket is down. */
  needed: () => boolean;
  attempt: (url: string) => Promise<FailoverOutcome>;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The other nodes, in the order the server listed them, each once. */
export function failoverCandidates(nodeUrls: readonly string[], lostOrigin: string): string[] {
  const seen = new Set<string>([lostOrigin]);
  const candidates: string[] = [];
  for (const url of nodeUrls) {
    const origin = originOf(url);
    if (!origin || seen.has(origin)) continue;
    seen.add(origin);
    candidates.push(origin);
  }
  return candidates;
}

/**
 * A kiosk whose node stops mid-call goes on through another node of the cluster:
 * idle -> armed (the socket dropped; wait FAILOVER_AFTER_MS in case it comes straight back)
 *      -> trying (each other node in turn asks to take the call over)
 *      -> idle (resumed or ended there; or the socket came back: disarm),
 * and round again every FAILOVER_RETRY_MS while nobody could, until the call ends.
 */
export class NodeFailover {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private trying = false;

  constructor(private readonly options: NodeFailoverOptions) {}

  arm(delayMs = FAILOVER_AFTER_MS): void {
    if (this.timer !== null || this.trying) return;
    if (failoverCandidates(this.options.nodeUrls(), this.options.lostOrigin()).length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (!this.options.needed()) return;
    this.trying = true;
    try {
      for (const url of failoverCandidates(this.options.nodeUrls(), this.options.lostOrigin())) {
        if (!this.options.needed()) return;
        logger.info('trying another server node for the call', { url });
        const outcome = await this.options.attempt(url).catch((error: unknown) => {
          logger.warn('that node could not take the call', { url, error });
          return 'not_here' as const;
        });
        if (outcome !== 'not_here') return;
      }
    } finally {
      this.trying = false;
    }
    if (this.options.needed()) this.arm(FAILOVER_RETRY_MS);
  }
}
