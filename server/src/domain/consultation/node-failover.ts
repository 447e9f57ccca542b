import type { Language } from '@madoguchi/contract/languages';
import type { ResumableCall, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { AdoptedCall, ClosedOrphan, ServerNodeRepository, StrandedCall } from '../../db/repositories/server-node-repository';
import { createLogger } from '../../logging/logger';
import type { AppointmentService } from '../appointment-service';
import { AppError } from '../app-error';
import { Consultation, type ConsultationIntake } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { kioskPeer, staffPeer } from '../room-names';
import type { EndCall } from './call-ending';
import type { ConsultationMedia } from './consultation-media';
import type { LiveConsultations } from './live-registry';
import type { ConsultationPresence } from './presence';

const log = createLogger('consultation-service');

/** A call taken over late in its failover grace still waits this long for the other side to follow. */
const ADOPTED_FOLLOW_MS = 5_000;

export interface NodeFailoverOptions {
  live: LiveConsultations;
  media: Pick<ConsultationMedia, 'openRoom'>;
  presence: Pick<ConsultationPresence, 'startGraceTimer' | 'liveCallOf'>;
  end: EndCall;
  notifier: Pick<ConsultationNotifier, 'callEnded' | 'toPeers'>;
  appointments: Pick<AppointmentService, 'reconcileAfterRestart'>;
  nodes: Pick<ServerNodeRepository, 'closeOwnOrphans' | 'closeOrphan' | 'adoptOrphan' | 'isOpen' | 'strandedCallOf'>;
  nodeId: string;
  leaseMs: number;
  /** After the lease, how long another node may still take over answered calls (0: never). */
  failoverMs: number;
  now: () => Date;
  onForecastInputsChanged?: (() => void) | undefined;
}

/**
 * Calls whose node is gone (a previous run of this node, or another node whose lease ran out):
 * closed as the record says, ended on a participant's word, or taken over here.
 */
export class NodeFailover {
  /** Stranded calls (their node stopped) whose people were told so; each is told once. */
  private readonly strandedTold = new Set<string>();

  constructor(private readonly options: NodeFailoverOptions) {}

  /**
   * The node holding these answered calls stopped and nobody has taken them over yet: tell the
   * kiosk and the specialist at once, wherever they are connected, how long the call may still
   * move (docs/reliability.md). Each call is told once; `calls` is the whole current list.
   */
  announceStranded(calls: StrandedCall[]): void {
    const current = new Set(calls.map((call) => call.id));
    for (const id of this.strandedTold) if (!current.has(id)) this.strandedTold.delete(id);
    for (const call of calls) {
      if (this.strandedTold.has(call.id) || this.options.live.has(call.id)) continue;
      this.strandedTold.add(call.id);
      log.warn({ consultationId: call.id, secondsLeft: Math.round(call.secondsLeft) }, 'the node holding a call stopped; telling its people');
      this.options.notifier.toPeers([staffPeer(call.staffId), kioskPeer(call.kioskId)], 'holderLost', {
        consultationId: call.id,
        secondsLeft: Math.round(call.secondsLeft * 10) / 10,
      });
    }
  }

  /**
   * The caller's answered call whose node stopped, when the caller no longer knows its id (a
   * console whose own node died, reloaded on another node): taken over like adoptOrphan().
   */
  async adoptStrandedOf(principal: SocketPrincipal): Promise<ResumableCall | null> {
    if (principal.role === 'guest' || this.options.failoverMs <= 0) return null;
    const consultationId = await this.options.nodes.strandedCallOf(principal.id, this.options.leaseMs);
    return consultationId ? this.adoptOrphan(principal, consultationId) : null;
  }

  /**
   * Consultations this node's previous run left open cannot be resumed: they end at that run's last
   * lease beat (when their media stopped), as `server_restart`. Other nodes' calls are not touched.
   */
  async recoverAfterRestart(): Promise<number> {
    const closed = await this.options.nodes.closeOwnOrphans(this.options.nodeId, 'server_restart', this.options.now());
    if (closed.length > 0) log.info({ count: closed.length }, 'closed consultations left open by the previous run');
    await this.options.appointments.reconcileAfterRestart();
    return closed.length;
  }

  /**
   * Calls whose node is gone were closed in the database (by a lease sweep or a hang-up): tell
   * the kiosk and the specialist wherever they are connected, and let booked appointments follow.
   */
  announceClosed(closed: ClosedOrphan[]): void {
    for (const orphan of closed) {
      const peers = [kioskPeer(orphan.kioskId), ...(orphan.staffId ? [staffPeer(orphan.staffId)] : [])];
      this.options.notifier.callEnded(orphan.id, peers, orphan.reason);
      log.warn({ consultationId: orphan.id, reason: orphan.reason }, 'consultation of a stopped node closed');
    }
    if (closed.some((orphan) => orphan.appointmentId)) {
      void this.options.appointments.reconcileAfterRestart().catch((error: unknown) => log.error({ err: error }, 'could not reconcile appointments'));
    }
  }

  /**
   * A participant ends a call that no node holds any more (its node stopped and the sweep has
   * not closed it yet). Refused unless the node's lease has run out and the caller took part.
   */
  async endOrphan(principal: SocketPrincipal, consultationId: string): Promise<void> {
    // Sent in the seconds between the holder's death and the end of its lease, it waits for
    // the lease, so the record says node_lost at the last beat rather than "not found".
    const deadline = Date.now() + this.options.leaseMs + 1_000;
    for (;;) {
      const closed = await this.options.nodes.closeOrphan(consultationId, principal.id, this.options.leaseMs);
      if (closed) return this.announceClosed([closed]);
      if (Date.now() > deadline || !(await this.options.nodes.isOpen(consultationId))) throw AppError.notFound('consultation');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * The kiosk (or the desk) of an answered call whose node is gone reached this node: it takes
   * the call over (same consultation, a `node_failover` event) instead of letting the sweep end
   * it, rebuilds its media room here and tells the desk to join again. Sent in the seconds
   * before the lost node's lease runs out, it waits for the lease. Null when there is nothing
   * to take over (the call ended, or its node is alive and holds it).
   */
  async adoptOrphan(principal: SocketPrincipal, consultationId: string): Promise<ResumableCall | null> {
    const { live, failoverMs } = this.options;
    if (live.isDraining || live.isStopping || failoverMs <= 0) return null;
    const deadline = Date.now() + this.options.leaseMs + 1_000;
    for (;;) {
      const adopted = await this.options.nodes.adoptOrphan(consultationId, principal.id, this.options.nodeId, this.options.leaseMs, failoverMs);
      if (adopted) {
        if (await live.mutex.run(consultationId, () => this.holdAdopted(adopted))) return this.options.presence.liveCallOf(principal);
        // Ended outside the lock: the end takes the same lock, and waiting for it inside would never finish.
        await this.options.end(adopted.id, 'node_lost');
        return null;
      }
      if (live.has(consultationId)) return this.options.presence.liveCallOf(principal);
      if (Date.now() > deadline || !(await this.options.nodes.isOpen(consultationId))) return null;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Holds the call here with a new media room; false when the room cannot be built. */
  private async holdAdopted(adopted: AdoptedCall): Promise<boolean> {
    const intake: ConsultationIntake = {
      departmentId: adopted.departmentId,
      departmentName: adopted.departmentName,
      appointmentId: adopted.appointmentId,
      residentName: adopted.residentName,
      language: adopted.language as Language,
      needs: adopted.needs as ConsultationIntake['needs'],
    };
    const consultation = new Consultation(adopted.id, adopted.kiosk, adopted.queuedAt, intake);
    consultation.staff = adopted.staff;
    consultation.setState('active');
    this.options.live.add(consultation);
    try {
      await this.options.media.openRoom(consultation);
    } catch (error) {
      log.error({ err: error, consultationId: adopted.id }, 'could not build the media room of a call taken over');
      return false;
    }
    log.warn({ consultationId: adopted.id, fromNode: adopted.fromNodeId }, 'took over a call of a lost node');
    // If one of the two is not back by the end of the failover grace (what both were told, in
    // holderLost), they never spoke again after the node stopped: the call ends node_lost at its
    // last beat, as if nobody had taken it over. A desk told callMoved late still gets 5 s.
    const graceLeftMs = adopted.lastBeatAt.getTime() + this.options.leaseMs + this.options.failoverMs - Date.now();
    for (const peerId of consultation.peerIds()) {
      this.options.presence.startGraceTimer(consultation, peerId, 'node_lost', { endedAt: adopted.lastBeatAt, delayMs: Math.max(graceLeftMs, ADOPTED_FOLLOW_MS) });
    }
    // The desk's socket to the lost node is gone; its other sockets hear where to go back.
    this.options.notifier.toPeers([staffPeer(adopted.staff.id)], 'callMoved', { consultationId: adopted.id });
    this.options.onForecastInputsChanged?.();
    return true;
  }
}
