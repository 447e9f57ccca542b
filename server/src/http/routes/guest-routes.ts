import type { Request } from 'express';
import type { TokenService } from '../../auth/token-service';
import type { ClusterLink } from '../../cluster/cluster-link';
import type { RemoteGuestInvite } from '@madoguchi/contract/signalling-events';
import { CreateGuestLinkRequest, GUEST_LINK_TTL_SECONDS, type GuestLink } from '@madoguchi/contract/guests';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import type { ConsultationService } from '../../domain/consultation-service';
import { IdParams, staffOf, type ApiRegistry } from '../api-registry';

/** The app's own origin as the browser sees it, unless PUBLIC_URL says otherwise. */
function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

async function inviteElsewhere(
  cluster: ClusterLink,
  invite: RemoteGuestInvite,
): Promise<{ linkId: string; expiresAt: Date; origin: string }> {
  const invitation = await cluster.inviteGuestElsewhere(invite);
  return { linkId: invitation.linkId, expiresAt: new Date(invitation.expiresAt), origin: new URL(invitation.nodeUrl).origin };
}

export function registerGuestRoutes(
  api: ApiRegistry,
  deps: {
    tokens: TokenService;
    consultations: () => ConsultationService;
    cluster: () => ClusterLink;
    publicUrl: string | undefined;
    audit: AuditLogRepository;
  },
): void {
  api.handle('createGuestLink', { params: IdParams, body: CreateGuestLinkRequest, status: 201, returns: 'GuestLink' }, async ({ params, body, caller, req }) => {
    const actor = staffOf(caller);
    const principal = { role: actor.role, id: actor.staffId, displayName: '' };
    const consultations = deps.consultations();
    // The guest joins the node that holds the call's media, which may not be this one.
    const { linkId, expiresAt, origin } = consultations.has(params.id)
      ? { ...(await consultations.inviteGuest(principal, params.id, body.label, GUEST_LINK_TTL_SECONDS, body.kind)), origin: originOf(req, deps.publicUrl) }
      : await inviteElsewhere(deps.cluster(), { principal, sessionId: params.id, label: body.label, kind: body.kind, ttlSeconds: GUEST_LINK_TTL_SECONDS });
    // Bringing a third party into a resident's consultation exposes personal data: audited.
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'guest_invited', targetType: 'session', targetId: params.id, details: { linkId } });
    const { token } = deps.tokens.issueGuest({ kind: 'guest', linkId, sessionId: params.id }, GUEST_LINK_TTL_SECONDS);
    const link: GuestLink = {
      linkId,
      sessionId: params.id,
      url: `${origin}/#/guest?session=${params.id}&token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
    return link;
  });
}
