import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import type { RequestOptions } from '../../api/http-client';
import { callRoute, downloadRoute } from '../../api/route-call';

export function listSnapshots(consultationId: string, options: RequestOptions): Promise<SnapshotInfo[]> {
  return callRoute('listSnapshots', { ...options, params: { id: consultationId } });
}

/** The image bytes; the server audits every fetch, so callers keep the blob instead of fetching again. */
export async function fetchSnapshotImage(snapshotId: string, options: RequestOptions): Promise<Blob> {
  const { blob } = await downloadRoute('getSnapshot', 'image/*', { ...options, params: { id: snapshotId } });
  return blob;
}
