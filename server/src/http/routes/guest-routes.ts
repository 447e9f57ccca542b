import type { Request } from 'express';
import type { TokenService } from '../../auth/token-service';
import { CreateGuestLinkRequest, GUEST_LINK_TTL_SECONDS, type GuestLink } from '../../contract/guests';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import type { ConsultationService } from '../../domain/consultation-service';
import { IdParams, staffOf, type ApiRegistry } from '../api-registry';

/** The app's own origin as the browser sees it, unless PUBLIC_URL says otherwise. */
function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function registerGuestRoutes(
  api: ApiRegistry,
  deps: { tokens: TokenService; consultations: () => ConsultationService; publicUrl: string | undefined; audit: AuditLogRepository },
): void {
  api.handle('createGuestLink', { params: IdParams, body: CreateGuestLinkRequest, status: 201, returns: 'GuestLink' }, async ({ params, body, caller, req }) => {
    const actor = staffOf(caller);
    const principal = { role: actor.role, id: actor.staffId, displayName: '' };
    const { linkId, expiresAt } = await deps.consultations().inviteGuest(principal, params.id, body.label, GUEST_LINK_TTL_SECONDS);
    // Bringing a third party into a resident's consultation exposes personal data: audited.
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'guest_invited', targetType: 'session', targetId: params.id, details: { linkId } });
    const { token } = deps.tokens.issueGuest({ kind: 'guest', linkId, sessionId: params.id }, GUEST_LINK_TTL_SECONDS);
    const link: GuestLink = {
      linkId,
      sessionId: params.id,
      url: `${originOf(req, deps.publicUrl)}/#/guest?session=${params.id}&token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    };
    return link;
  });
}
