import { deskSnapshots } from '@madoguchi/call-core/in-call/snapshots';
import type { DeskSnapshotsState } from '@madoguchi/call-core/in-call/snapshots';
import { useInCallFeature } from '@madoguchi/call-core/in-call/use-in-call-feature';
import { useApi } from '../../hooks/use-api';
import { useStaffCall } from '../../hooks/use-call-client';
import { fetchSnapshotImage, listSnapshots } from './snapshot-api';

export type { GalleryItem, SnapshotStatus } from '@madoguchi/call-core/in-call/snapshots';

export interface Snapshots extends DeskSnapshotsState {
  request(): void;
}

const EMPTY: DeskSnapshotsState = { items: [], status: null, busy: false };

/** Snapshot requests of one call and its gallery (the call core's DeskSnapshots, over the app's REST client). */
export function useSnapshots(consultationId: string | null): Snapshots {
  const desk = useStaffCall();
  const { run } = useApi();
  const { feature, state } = useInCallFeature(
    () =>
      consultationId
        ? deskSnapshots(desk, consultationId, {
            list: (signal) => run((o) => listSnapshots(consultationId, o), signal),
            image: (snapshotId) => run((o) => fetchSnapshotImage(snapshotId, o)),
          })
        : null,
    [desk, consultationId, run],
    EMPTY,
  );
  return { ...state, request: () => feature?.request() };
}
