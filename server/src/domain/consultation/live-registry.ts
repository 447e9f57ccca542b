import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { AppError } from '../app-error';
import type { Consultation } from '../consultation';
import { KeyedMutex } from '../keyed-mutex';
import { peerIdOf } from '../peer-identity';

/**
 * The consultations this node holds (queued or active), with the one lock that keeps the
 * operations on each of them in order, and whether the node still takes new residents.
 * Every other consultation module reads the calls through it; only the queue adds and only
 * the call ending removes.
 */
export class LiveConsultations {
  private readonly byId = new Map<string, Consultation>();
  /** Join, produce, accept and hang-up on one consultation never interleave. */
  readonly mutex = new KeyedMutex();
  /** Draining: the node takes no new residents and lets the others finish. */
  private draining = false;
  /** Stopping: the node ends what it holds and no longer waits for anyone to come back. */
  private stopping = false;
  private readonly idleWaiters = new Set<() => void>();

  add(consultation: Consultation): void {
    this.byId.set(consultation.id, consultation);
  }

  remove(consultationId: string): void {
    this.byId.delete(consultationId);
  }

  find(consultationId: string): Consultation | undefined {
    return this.byId.get(consultationId);
  }

  has(consultationId: string): boolean {
    return this.byId.has(consultationId);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): Consultation[] {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  get(consultationId: string): Consultation {
    const consultation = this.byId.get(consultationId);
    if (!consultation) throw AppError.notFound('consultation');
    return consultation;
  }

  participantOf(principal: SocketPrincipal, consultationId: string): Consultation {
    const consultation = this.get(consultationId);
    if (!consultation.isParticipant(peerIdOf(principal))) throw AppError.forbidden('you are not part of this consultation');
    return consultation;
  }

  /** The consultation, if this principal takes part in it and it is in progress. */
  requireActiveParticipant(principal: SocketPrincipal, consultationId: string): Consultation {
    const consultation = this.participantOf(principal, consultationId);
    if (consultation.state !== 'active') throw AppError.invalidState('the call is not in progress');
    return consultation;
  }

  /** A kiosk has at most one consultation open: waiting or in a call. */
  openForKiosk(kioskId: string): Consultation | undefined {
    for (const consultation of this.byId.values()) if (consultation.kiosk.id === kioskId) return consultation;
    return undefined;
  }

  counts(): { queued: number; active: number } {
    let queued = 0;
    let active = 0;
    for (const c of this.byId.values()) {
      if (c.state === 'queued') queued += 1;
      else if (c.state === 'active') active += 1;
    }
    return { queued, active };
  }

  /** The waiting residents, first come first served. */
  queue(): QueueEntry[] {
    return [...this.byId.values()]
      .filter((c) => c.state === 'queued')
      .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime())
      .map((c) => c.toQueueEntry());
  }

  /** Place in the queue counted from 1; null when not waiting. */
  positionOf(consultationId: string): number | null {
    const position = this.queue().findIndex((e) => e.consultationId === consultationId) + 1;
    return position > 0 ? position : null;
  }

  /** Members in an answered call on this node. */
  staffInCalls(): Set<string> {
    const here = new Set<string>();
    for (const c of this.byId.values()) if (c.state === 'active' && c.staff) here.add(c.staff.id);
    return here;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  stop(): void {
    this.stopping = true;
  }

  /** Takes no new residents from now on; resolves when none are left or after `limitMs`. */
  async drain(limitMs: number): Promise<{ remaining: number }> {
    this.draining = true;
    if (this.byId.size > 0) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.idleWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, limitMs);
        timer.unref();
        this.idleWaiters.add(done);
      });
    }
    return { remaining: this.byId.size };
  }

  /** Called once the last record of an ended call is written: a drain waits for that, not just for the call to stop. */
  wakeIfIdle(): void {
    if (this.byId.size === 0) for (const wake of [...this.idleWaiters]) wake();
  }
}
