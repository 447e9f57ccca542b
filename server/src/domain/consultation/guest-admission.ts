import type { GuestKind } from '@madoguchi/contract/guests';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { GuestLinkRepository } from '../../db/repositories/guest-link-repository';
import { AppError } from '../app-error';
import type { Consultation } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { peerIdOf } from '../peer-identity';
import type { ConsultationMedia } from './consultation-media';
import type { ConsultationTimeline } from './consultation-timeline';
import type { LiveConsultations } from './live-registry';

export interface GuestAdmissionOptions {
  live: LiveConsultations;
  timeline: ConsultationTimeline;
  media: Pick<ConsultationMedia, 'removePeer'>;
  notifier: Pick<ConsultationNotifier, 'peerLeft' | 'closePeer'>;
  /** Without it (a node with no guest links), inviting a guest is refused. */
  guestLinks?: Pick<GuestLinkRepository, 'create' | 'find' | 'markJoined' | 'markLeft'> | undefined;
  now: () => Date;
}

/**
 * Guests (an interpreter, another department, a captioner): a single-use link for one answered
 * call, checked when the guest's socket connects; leaving spends it.
 */
export class GuestAdmission {
  constructor(private readonly options: GuestAdmissionOptions) {}

  /**
   * Staff in the call bring in a third party: a single-use link valid for this call only.
   * The guest never sees the queue or any record; leaving spends the link.
   */
  async invite(principal: SocketPrincipal, consultationId: string, label: string, ttlSeconds: number, kind: GuestKind = 'other'): Promise<{ linkId: string; expiresAt: Date }> {
    if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff invite guests');
    const consultation = this.options.live.requireActiveParticipant(principal, consultationId);
    const links = this.options.guestLinks;
    if (!links) throw AppError.invalidState('guest links are not available');
    const expiresAt = new Date(this.options.now().getTime() + ttlSeconds * 1000);
    const linkId = await links.create({ consultationId, createdBy: principal.id, label, kind, expiresAt });
    consultation.guests.add(linkId);
    this.options.timeline.record(consultationId, 'guest_invited', 'staff', { linkId, kind });
    return { linkId, expiresAt };
  }

  /** Whether a guest link still opens its call on this node (checked when the guest's socket connects). */
  async admit(linkId: string, consultationId: string): Promise<{ label: string; kind: GuestKind }> {
    const link = await this.options.guestLinks?.find(linkId);
    const consultation = this.options.live.find(consultationId);
    // The link's lifetime bounds its first use only: a guest already in the call may reconnect until they leave.
    if (!link || link.consultationId !== consultationId || link.leftAt || (!link.joinedAt && link.expiresAt <= this.options.now())) {
      throw AppError.unauthenticated('this guest link has expired or was already used');
    }
    if (!consultation || consultation.state !== 'active' || !consultation.guests.has(linkId)) {
      throw AppError.unauthenticated('the call this link was made for is over');
    }
    await this.options.guestLinks?.markJoined(linkId, this.options.now());
    return { label: link.label, kind: link.kind };
  }

  /** A guest leaving ends their part only; their link is spent. */
  async leave(principal: SocketPrincipal, consultation: Consultation): Promise<void> {
    const consultationId = consultation.id;
    const peerId = peerIdOf(principal);
    await this.options.live.mutex.run(consultationId, async () => {
      consultation.guests.delete(principal.id);
      consultation.participants.delete(peerId);
      this.options.media.removePeer(consultationId, peerId);
      this.options.notifier.peerLeft(consultationId, 'guest');
      this.options.timeline.record(consultationId, 'left', 'guest');
    });
    await this.options.guestLinks?.markLeft(principal.id, this.options.now());
    // The link is spent: its socket goes too, so nothing more reaches that browser.
    this.options.notifier.closePeer(peerId);
  }
}
