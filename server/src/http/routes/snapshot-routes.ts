import { z } from 'zod';
import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import type { SnapshotRepository } from '../../db/repositories/snapshot-repository';
import { AppError } from '../../domain/app-error';
import type { InCallService } from '../../domain/in-call-service';
import { FileResponse, kioskOf, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

export const SNAPSHOT_MAX_BYTES = 8 * 1024 * 1024;

const UploadHeaders = z.object({
  'x-snapshot-request': z.uuid(),
  'x-content-sha256': z.string().regex(/^[0-9a-fA-F]{64}$/),
  'content-type': z.enum(['image/jpeg', 'image/png']),
});

/** Document snapshots: the kiosk uploads after consent; staff who may see the consultation view them (audited). */
export function registerSnapshotRoutes(api: ApiRegistry, deps: RouteDeps & { snapshots: SnapshotRepository; inCall: InCallService }): void {
  const mayView = async (caller: { staffId: string; role: 'staff' | 'admin' }, record: ConsultationRecord): Promise<boolean> => {
    if (caller.role === 'admin' || record.staffId === caller.staffId || record.departmentId === null) return true;
    return (await deps.staff.departmentIdsOf(caller.staffId)).includes(record.departmentId);
  };

  api.handle('uploadSnapshot', async ({ params, req, caller }) => {
    const { kioskId } = kioskOf(caller);
    const headers = UploadHeaders.safeParse({
      'x-snapshot-request': req.headers['x-snapshot-request'],
      'x-content-sha256': req.headers['x-content-sha256'],
      'content-type': (req.headers['content-type'] ?? '').split(';')[0]?.trim(),
    });
    if (!headers.success) throw AppError.badRequest('send the image with Content-Type image/jpeg or image/png, X-Snapshot-Request and X-Content-SHA256');
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw AppError.badRequest('the request has no image');
    return deps.inCall.storeSnapshot(kioskId, params.id, {
      requestId: headers.data['x-snapshot-request'],
      declaredSha256: headers.data['x-content-sha256'],
      contentType: headers.data['content-type'],
      body,
    });
  });

  api.handle('listSnapshots', async ({ params, caller }) => {
    const record = await deps.consultations.findById(params.id);
    if (!record || !(await mayView(staffOf(caller), record))) throw AppError.notFound('consultation');
    return deps.snapshots.listFor(params.id);
  });

  api.handle('getSnapshot', async ({ params, caller }) => {
    const actor = staffOf(caller);
    const snapshot = await deps.snapshots.content(params.id);
    const record = snapshot ? await deps.consultations.findById(snapshot.consultationId) : null;
    if (!snapshot || !record || !(await mayView(actor, record))) throw AppError.notFound('snapshot');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'snapshot_viewed', targetType: 'snapshot', targetId: params.id, details: { consultationId: snapshot.consultationId } });
    const extension = snapshot.contentType === 'image/png' ? 'png' : 'jpg';
    return new FileResponse(snapshot.contentType, `snapshot-${params.id.slice(0, 8)}.${extension}`, snapshot.content);
  });
}
