import { ErrorCode } from '@madoguchi/contract/errors';
import { GUEST_LINK_TTL_SECONDS, MAX_OPEN_GUEST_LINKS, type GuestKind, type GuestLinkLimitDetails } from '@madoguchi/contract/guests';
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
  guestLinks?: Pick<GuestLinkRepository, 'createWithinCap' | 'find' | 'markJoined' | 'markLeft'> | undefined;
  now: () => Date;
}

/**
 * Guests (an interpreter, another department, a captioner): a single-use link for one answered
 * call, checked when the guest's socket connects; leaving spends it. At most
 * MAX_OPEN_GUEST_LINKS open links a call.
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
    const now = this.options.now();
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    const linkId = await links.createWithinCap({ consultationId, createdBy: principal.id, label, kind, expiresAt, maxOpen: MAX_OPEN_GUEST_LINKS, now });
    if (!linkId) {
      const details: GuestLinkLimitDetails = { reason: 'guest_link_limit', limit: MAX_OPEN_GUEST_LINKS };
      throw new AppError(
        ErrorCode.Conflict,
        `this call already has ${MAX_OPEN_GUEST_LINKS} open guest links; a new one can be made when a guest leaves or an unused link lapses (${GUEST_LINK_TTL_SECONDS / 60} minutes)`,
        details,
      );
    }
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

  /**
   * A guest leaving ends their part only; their link is spent. `announced`: their connection
   * went and did not come back, and its loss was already told and recorded.
   */
  async leave(principal: SocketPrincipal, consultation: Consultation, { announced = false } = {}): Promise<void> {
    const consultationId = consultation.id;
    const peerId = peerIdOf(principal);
    await this.options.live.mutex.run(consultationId, async () => {
      consultation.guests.delete(principal.id);
      consultation.guestDeviceProblems.delete(principal.id);
      consultation.participants.delete(peerId);
      this.options.media.removePeer(consultationId, peerId);
      if (!announced) {
        this.options.notifier.peerLeft(consultationId, 'guest');
        this.options.timeline.record(consultationId, 'left', 'guest');
      }
    });
    await this.options.guestLinks?.markLeft(principal.id, this.options.now());
    // The link is spent: its socket goes too, so nothing more reaches that browser.
    this.options.notifier.closePeer(peerId);
  }
}
