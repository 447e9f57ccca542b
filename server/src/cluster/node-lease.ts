import type { ClosedOrphan, ServerNodeRepository, StrandedCall } from '../db/repositories/server-node-repository';
import { createLogger } from '../logging/logger';

const log = createLogger('node-lease');

/**
 * idle -> warming -> beating -> stopped; any beat that fails -> lapsed -> warming.
 * Only a node that has beaten without a break for a whole lease judges others: after a
 * database outage every node gets a full lease to beat again before anyone is declared gone.
 */
export type LeaseState = 'idle' | 'warming' | 'beating' | 'lapsed' | 'stopped';

export interface NodeLeaseOptions {
  nodeId: string;
  /** This node's own address (read at every beat: it is known once the server listens). */
  url: () => string;
  nodes: ServerNodeRepository;
  /** A node silent this long is gone. */
  leaseMs: number;
  /** Answered calls of a gone node are left this much longer, for another node to take over. */
  failoverMs?: number;
  /** Calls of gone nodes that this node just closed: tell the people in them. */
  onOrphansClosed: (closed: ClosedOrphan[]) => void;
  /**
   * At every judging beat with a failover grace: the answered calls of lost nodes that may
   * still move (their people are told at once, not when the grace is over).
   */
  onStranded?: (calls: StrandedCall[]) => void;
  /** After each beat that reached the database; `judging`: this node may now close others' calls. */
  onBeat?: (judging: boolean) => void;
}

/** This node's heartbeat in PostgreSQL, and the sweep that closes the calls of nodes that stopped beating. */
export class NodeLease {
  private state: LeaseState = 'idle';
  private timer: NodeJS.Timeout | null = null;
  private streakSince = 0;
  private running: Promise<void> = Promise.resolve();
  private lastBeat = 0;

  constructor(private readonly options: NodeLeaseOptions) {}

  get beatMs(): number {
    return Math.max(200, Math.floor(this.options.leaseMs / 3));
  }

  get current(): LeaseState {
    return this.state;
  }

  /** When this node last reached the database (this process's clock; 0: never). */
  get lastBeatAt(): number {
    return this.lastBeat;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.setState('warming');
    this.schedule(0);
  }

  /** A clean stop: the row says so, and nobody waits for the lease to run out. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasRunning = this.state !== 'idle';
    this.setState('stopped');
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    if (wasRunning) await this.options.nodes.markStopped(this.options.nodeId).catch((error: unknown) => log.warn({ err: error }, 'could not mark this node stopped'));
  }

  private schedule(delayMs: number): void {
    if (this.state === 'stopped') return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.beatMs));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.options.nodes.beat(this.options.nodeId, this.options.url());
    } catch (error) {
      if (this.state !== 'lapsed' && this.state !== 'stopped') log.warn({ err: error instanceof Error ? error.message : String(error) }, 'lease beat failed');
      this.setState('lapsed');
      return;
    }
    if (this.state === 'stopped') return;
    this.lastBeat = Date.now();
    if (this.state === 'lapsed' || this.state === 'idle') this.setState('warming');
    if (this.state === 'warming') {
      this.streakSince ||= Date.now();
      if (Date.now() - this.streakSince < this.options.leaseMs) {
        this.options.onBeat?.(false);
        return;
      }
      this.setState('beating');
    }
    this.options.onBeat?.(true);
    try {
      const closed = await this.options.nodes.closeLostNodesOrphans(this.options.nodeId, this.options.leaseMs, this.options.failoverMs ?? 0);
      if (closed.length > 0) {
        log.warn({ count: closed.length }, 'closed the calls of a server node that stopped');
        this.options.onOrphansClosed(closed);
      }
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not sweep the calls of stopped nodes');
    }
    const failoverMs = this.options.failoverMs ?? 0;
    if (failoverMs <= 0 || !this.options.onStranded) return;
    try {
      this.options.onStranded(await this.options.nodes.strandedCalls(this.options.nodeId, this.options.leaseMs, failoverMs));
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not look for the calls of stopped nodes');
    }
  }

  private setState(next: LeaseState): void {
    if (next === this.state) return;
    if (next === 'lapsed' || next === 'warming') this.streakSince = 0;
    log.info({ nodeId: this.options.nodeId }, `[state] ${this.state} -> ${next}`);
    this.state = next;
  }
}
