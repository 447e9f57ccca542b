import type { EndReason } from '@madoguchi/contract/consultation';
import type { ResumableCall, ResumableDepartment, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { createLogger } from '../../logging/logger';
import type { Consultation } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { peerIdOf } from '../peer-identity';
import type { EndCall } from './call-ending';
import type { ConsultationTimeline } from './consultation-timeline';
import type { LiveConsultations } from './live-registry';

const log = createLogger('consultation-service');

export interface PresenceOptions {
  live: LiveConsultations;
  timeline: ConsultationTimeline;
  notifier: Pick<ConsultationNotifier, 'peerLeft'>;
  end: EndCall;
  /** How long a participant who lost their connection may take to come back. */
  reconnectGraceMs: number;
  /** A guest who lost their connection and did not come back in time: they have left the call (GuestAdmission.leave). */
  guestGone: (principal: SocketPrincipal, consultation: Consultation) => Promise<void>;
}

/**
 * Who is connected to each call: a dropped socket starts a grace period, coming back (a
 * reload, a reconnect, a remote desk arriving) stops it, and a grace period that runs out ends
 * the call with the reason it stands for.
 */
export class ConsultationPresence {
  constructor(private readonly options: PresenceOptions) {}

  /** The caller's consultation on this node that a reloaded app can go back to. */
  liveCallOf(principal: SocketPrincipal): ResumableCall | null {
    const peerId = peerIdOf(principal);
    for (const c of this.options.live.all()) {
      if (c.state === 'ended' || !c.isParticipant(peerId) || principal.role === 'guest') continue;
      const isKiosk = principal.role === 'kiosk';
      // A waiting kiosk that came back keeps its place: its grace period stops here.
      if (isKiosk && c.state === 'queued') c.stopGraceTimer(peerId);
      return {
        consultationId: c.id,
        state: c.state,
        peerName: isKiosk ? (c.staff?.displayName ?? null) : c.kiosk.name,
        peerLocation: isKiosk ? null : c.kiosk.location,
        queuePosition: this.options.live.positionOf(c.id),
        mediaNodeUrl: null,
        department: departmentOf(c),
      };
    }
    return null;
  }

  /** A socket went away: give its owner a grace period to come back before ending the call. */
  handleDisconnect(principal: SocketPrincipal, socketId: string): void {
    if (this.options.live.isStopping) return;
    const peerId = peerIdOf(principal);
    for (const consultation of this.options.live.all()) {
      if (!consultation.isParticipant(peerId)) continue;
      const participant = consultation.participants.get(peerId);
      // Another socket of the same participant has already taken over.
      if (participant && participant.socketId !== socketId) continue;
      const waitingKiosk = consultation.state === 'queued';
      if (participant) {
        participant.socketId = null;
        this.options.notifier.peerLeft(consultation.id, participant.role);
        this.options.timeline.record(consultation.id, 'left', participant.role);
      }
      // A guest's lost connection (a closed tab, a reload, their network) is theirs alone: the
      // resident and the specialist talk on, and a guest who does not come back has left.
      if (principal.role === 'guest') this.startGuestGraceTimer(consultation, principal);
      else this.startGraceTimer(consultation, peerId, waitingKiosk ? 'resident_left' : 'network_lost');
    }
  }

  /**
   * Staff accepted through another node and must now connect here for the call. If they
   * never arrive (their browser cannot reach this node), the call ends as if their
   * connection was lost, instead of leaving the resident facing an empty screen.
   */
  expectRemoteJoin(principal: SocketPrincipal, consultationId: string): void {
    const consultation = this.options.live.find(consultationId);
    const peerId = peerIdOf(principal);
    if (!consultation || consultation.participants.has(peerId)) return;
    this.startGraceTimer(consultation, peerId, 'network_lost');
  }

  /** The guest leaves the call (their link is spent) unless they come back (join) within the grace period. */
  private startGuestGraceTimer(consultation: Consultation, principal: SocketPrincipal): void {
    const peerId = peerIdOf(principal);
    this.armGraceTimer(consultation, peerId, this.options.reconnectGraceMs, () => {
      if (consultation.state === 'ended' || !consultation.participants.has(peerId)) return;
      void this.options.guestGone(principal, consultation).catch((error: unknown) => log.error({ err: error }, 'a guest who did not come back could not leave'));
    });
  }

  /**
   * Ends the call with `reason` unless the participant comes back (joins) within the grace
   * period. `lost`: a call taken over from a lost node, ended at that node's last beat after
   * its own delay.
   */
  startGraceTimer(consultation: Consultation, peerId: string, reason: EndReason, lost: { endedAt: Date; delayMs: number } | null = null): void {
    this.armGraceTimer(consultation, peerId, lost?.delayMs ?? this.options.reconnectGraceMs, () => {
      void this.options.end(consultation.id, reason, lost ? { endedAt: lost.endedAt } : {}).catch((error: unknown) => log.error({ err: error }, 'ending after disconnect'));
    });
  }

  /** One grace timer per participant: a join stops it (Consultation.stopGraceTimer); run out, it does `expire`. */
  private armGraceTimer(consultation: Consultation, peerId: string, delayMs: number, expire: () => void): void {
    consultation.stopGraceTimer(peerId);
    const timer = setTimeout(() => {
      consultation.graceTimers.delete(peerId);
      expire();
    }, delayMs);
    timer.unref();
    consultation.graceTimers.set(peerId, timer);
  }
}

/** The department a consultation is for, as a reloaded app needs it (the waiting kiosk names a handover's). */
function departmentOf(consultation: Consultation): ResumableDepartment | null {
  const { departmentId, departmentName, transferredFrom } = consultation.intake;
  if (!departmentId) return null;
  return { id: departmentId, name: departmentName ?? '', transferred: transferredFrom !== undefined };
}
