import { ErrorCode } from '@madoguchi/contract/errors';
import type { GuestKind } from '@madoguchi/contract/guests';
import type { AcceptCallResult, ResumableCall, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { AppError } from '../domain/app-error';
import type { ConsultationService } from '../domain/consultation-service';
import type { ClusterLink } from './cluster-link';

export interface GuestInvitation {
  linkId: string;
  expiresAt: Date;
  /** The node holding the call, whose pages the guest must open; null: this node. */
  nodeUrl: string | null;
}

/**
 * The one place that decides whether a consultation is held by this node or by another, and
 * sends the request to its holder: each node owns the consultations whose kiosk reached it
 * (their state and their media).
 */
export interface CallPlacement {
  /** Postgres still guarantees a single winner; the holder decides. */
  accept(principal: SocketPrincipal, consultationId: string): Promise<AcceptCallResult>;
  hangUp(principal: SocketPrincipal, consultationId: string, reason?: 'resident_absent'): Promise<void>;
  inviteGuest(principal: SocketPrincipal, consultationId: string, invite: { label: string; kind: GuestKind; ttlSeconds: number }): Promise<GuestInvitation>;
  /** The caller's live call here or (staff only: a kiosk's call is always on its own node) on another node. */
  liveCallOf(principal: SocketPrincipal): Promise<ResumableCall | null>;
  /**
   * A reloaded or moved app asks for its call: held here, by another node (a kiosk's too, after
   * a failover took it elsewhere), or by a node that stopped, and then this node takes it over
   * (docs/reliability.md, Node failover); without `consultationId`, the caller's answered call whose
   * node stopped is found from the record. Null: no live call.
   */
  resume(principal: SocketPrincipal, consultationId: string | undefined): Promise<ResumableCall | null>;
}

export function createCallPlacement(consultations: ConsultationService, cluster: ClusterLink): CallPlacement {
  return {
    accept: (principal, consultationId) =>
      consultations.has(consultationId) ? consultations.accept(principal, consultationId) : cluster.acceptElsewhere(principal, consultationId),

    async hangUp(principal, consultationId, reason) {
      if (consultations.has(consultationId)) return consultations.hangUp(principal, consultationId, reason);
      // A desk whose socket to the holder is gone hangs up through its own node; if no node
      // holds the call any more (the holder stopped), the record is closed from its lease.
      try {
        await cluster.hangUpElsewhere(principal, consultationId, reason);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== ErrorCode.NotFound || principal.role === 'guest') throw error;
        await consultations.endOrphan(principal, consultationId);
      }
    },

    async inviteGuest(principal, consultationId, { label, kind, ttlSeconds }) {
      if (consultations.has(consultationId)) {
        const { linkId, expiresAt } = await consultations.inviteGuest(principal, consultationId, label, ttlSeconds, kind);
        return { linkId, expiresAt, nodeUrl: null };
      }
      const invitation = await cluster.inviteGuestElsewhere({ principal, consultationId, label, kind, ttlSeconds });
      return { linkId: invitation.linkId, expiresAt: new Date(invitation.expiresAt), nodeUrl: invitation.nodeUrl };
    },

    async liveCallOf(principal) {
      return consultations.liveCallOf(principal) ?? (principal.role === 'kiosk' ? null : cluster.findCallElsewhere(principal));
    },

    async resume(principal, consultationId) {
      return (
        consultations.liveCallOf(principal) ??
        (await cluster.findCallElsewhere(principal)) ??
        (principal.role === 'guest'
          ? null
          : consultationId
            ? await consultations.adoptOrphan(principal, consultationId)
            : // A console or kiosk that lost its node and no longer knows the call's id.
              await consultations.adoptStrandedOf(principal))
      );
    },
  };
}
