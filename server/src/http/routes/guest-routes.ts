import type { Request } from 'express';
import type { TokenService } from '../../auth/token-service';
import type { CallPlacement } from '../../cluster/call-placement';
import { GUEST_ACCESS_MAX_SECONDS, GUEST_LINK_TTL_SECONDS, type GuestLink } from '@madoguchi/contract/guests';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import { staffOf, type ApiRegistry } from '../api-registry';

/** The app's own origin as the browser sees it, unless PUBLIC_URL says otherwise. */
function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function registerGuestRoutes(
  api: ApiRegistry,
  deps: {
    tokens: TokenService;
    placement: CallPlacement;
    publicUrl: string | undefined;
    audit: AuditLogRepository;
  },
): void {
  api.handle('createGuestLink', async ({ params, body, caller, req }) => {
    const actor = staffOf(caller);
    const principal = { role: actor.role, id: actor.staffId, displayName: '' };
    const { linkId, expiresAt, nodeUrl } = await deps.placement.inviteGuest(principal, params.id, {
      label: body.label,
      kind: body.kind,
      ttlSeconds: GUEST_LINK_TTL_SECONDS,
    });
    // The guest joins the node that holds the call's media, which may not be this one.
    const origin = nodeUrl ? new URL(nodeUrl).origin : originOf(req, deps.publicUrl);
    // Bringing a third party into a resident's consultation exposes personal data: audited.
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'guest_invited', targetType: 'session', targetId: params.id, details: { linkId } });
    const { token } = deps.tokens.issueGuest({ kind: 'guest', linkId, consultationId: params.id }, GUEST_ACCESS_MAX_SECONDS);
    const link: GuestLink = {
      linkId,
      consultationId: params.id,
      url: `${origin}/#/guest?consultation=${params.id}&token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
    return link;
  });
}
