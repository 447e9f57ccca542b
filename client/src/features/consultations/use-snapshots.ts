import { useEffect, useRef, useState } from 'react';
import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import { useApi } from '../../hooks/use-api';
import { useStaffCall } from '../../hooks/use-call-client';
import { fetchSnapshotImage, listSnapshots } from './snapshot-api';

export type SnapshotStatus = 'asking' | 'consented' | 'refused' | 'stored' | 'failed' | 'noCamera' | 'timedOut';

export interface GalleryItem {
  info: SnapshotInfo;
  /** A blob: URL once the image has been fetched, 'error' if it could not be. */
  url: string | null | 'error';
}

/**
 * A request with no answer, or no photo after the resident's yes, by then is given up with an
 * honest message (the kiosk may have lost its camera or its network), and 撮影 works again.
 */
const ANSWER_WAIT_MS = 30_000;

export interface Snapshots {
  items: readonly GalleryItem[];
  /** The state of the newest request, if any. */
  status: SnapshotStatus | null;
  /** An ack or an answer is still awaited: another request would only confuse the resident. */
  busy: boolean;
  request(): void;
}

/**
 * Snapshot requests of one call and its gallery. The server's answers may overtake the ack of
 * requestSnapshot, so states are kept per requestId and the newest request's is shown.
 */
export function useSnapshots(sessionId: string | null): Snapshots {
  const session = useStaffCall();
  const { run } = useApi();
  const [items, setItems] = useState<readonly GalleryItem[]>([]);
  const [statusById, setStatusById] = useState<Record<string, SnapshotStatus>>({});
  const [lastRequestId, setLastRequestId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [waitedOut, setWaitedOut] = useState<string | null>(null);
  const urls = useRef<string[]>([]);

  const addSnapshot = (info: SnapshotInfo) => {
    setItems((prev) => (prev.some((i) => i.info.snapshotId === info.snapshotId) ? prev : [...prev, { info, url: null }]));
    run((o) => fetchSnapshotImage(info.snapshotId, o)).then(
      (blob) => {
        const url = URL.createObjectURL(blob);
        urls.current.push(url);
        setItems((prev) => prev.map((i) => (i.info.snapshotId === info.snapshotId ? { ...i, url } : i)));
      },
      () => setItems((prev) => prev.map((i) => (i.info.snapshotId === info.snapshotId ? { ...i, url: 'error' } : i))),
    );
  };
  const addRef = useRef(addSnapshot);
  useEffect(() => {
    addRef.current = addSnapshot;
  });

  useEffect(() => {
    if (!sessionId) return;
    const offAnswered = session.onServerEvent('snapshotAnswered', (answer) => {
      if (answer.sessionId !== sessionId) return;
      setStatusById((prev) => (prev[answer.requestId] === 'stored' ? prev : { ...prev, [answer.requestId]: answer.consent ? 'consented' : 'refused' }));
    });
    const offProblem = session.onServerEvent('deviceProblem', (problem) => {
      const { requestId } = problem;
      if (problem.sessionId !== sessionId || !requestId) return;
      setStatusById((prev) => (prev[requestId] === 'stored' ? prev : { ...prev, [requestId]: 'noCamera' }));
    });
    const offStored = session.onServerEvent('snapshotStored', (info) => {
      if (info.sessionId !== sessionId) return;
      setStatusById((prev) => ({ ...prev, [info.requestId]: 'stored' }));
      addRef.current(info);
    });
    const controller = new AbortController();
    run((o) => listSnapshots(sessionId, o), controller.signal).then(
      (list) => list.forEach((info) => addRef.current(info)),
      () => undefined, // the gallery still fills from snapshotStored
    );
    return () => {
      controller.abort();
      offAnswered();
      offProblem();
      offStored();
    };
  }, [session, sessionId, run]);

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  useEffect(() => {
    if (!lastRequestId) return;
    const timer = setTimeout(() => setWaitedOut(lastRequestId), ANSWER_WAIT_MS);
    return () => clearTimeout(timer);
  }, [lastRequestId]);

  const request = () => {
    if (!sessionId) return;
    setBusy(true);
    setFailed(false);
    session
      .sendStaffRequest('requestSnapshot', { sessionId })
      .then(
        ({ requestId }) => {
          setLastRequestId(requestId);
          setStatusById((prev) => (prev[requestId] ? prev : { ...prev, [requestId]: 'asking' }));
        },
        () => setFailed(true),
      )
      .finally(() => setBusy(false));
  };

  const current: SnapshotStatus | null = failed ? 'failed' : lastRequestId ? (statusById[lastRequestId] ?? 'asking') : null;
  const pending = current === 'asking' || current === 'consented';
  const status: SnapshotStatus | null = pending && waitedOut === lastRequestId ? 'timedOut' : current;
  return { items, status, busy: busy || (pending && status !== 'timedOut'), request };
}
