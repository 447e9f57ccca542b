import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptionLine, CaptionsSnapshot, CaptionsState } from '@madoguchi/contract/captions';
import { useCallClient } from '../../hooks/use-call-client';
import { useCallState } from '../../hooks/use-call-state';

/** The console keeps more lines than the kiosk shows, so the specialist can correct a recent one. */
const LINES_SHOWN = 8;

export interface Captions {
  lines: readonly CaptionLine[];
  state: CaptionsState | null;
  /** Replaces a line in place (an acknowledged correction, our own typing). */
  put(line: CaptionLine): void;
}

function withLine(lines: readonly CaptionLine[], line: CaptionLine): readonly CaptionLine[] {
  const index = lines.findIndex((l) => l.lineId === line.lineId);
  if (index >= 0) return lines.map((l, i) => (i === index ? line : l));
  return [...lines, line].slice(-LINES_SHOWN);
}

/**
 * The live captions of one call, for the staff console and a captioner's page: the lines so far
 * (fetched when media is up, again after a reconnect) and every change as it arrives.
 */
export function useCaptions(consultationId: string | null, load: (consultationId: string) => Promise<CaptionsSnapshot>): Captions {
  const callClient = useCallClient();
  // The latest loader, without asking again on every render.
  const loader = useRef(load);
  loader.current = load;
  const callState = useCallState();
  const [lines, setLines] = useState<readonly CaptionLine[]>([]);
  const [state, setState] = useState<CaptionsState | null>(null);

  useEffect(() => {
    if (!consultationId) return;
    const offLine = callClient.onServerEvent('captionLine', (line) => {
      if (line.consultationId === consultationId) setLines((prev) => withLine(prev, line));
    });
    const offState = callClient.onServerEvent('captionsState', (next) => {
      if (next.consultationId === consultationId) setState(next);
    });
    return () => {
      offLine();
      offState();
    };
  }, [callClient, consultationId]);

  const inCall = callState === 'inCall';
  useEffect(() => {
    if (!consultationId || !inCall) return;
    let live = true;
    loader
      .current(consultationId)
      .then((snapshot) => {
        if (!live) return;
        setState(snapshot.state);
        setLines(snapshot.lines.slice(-LINES_SHOWN));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [consultationId, inCall]);

  const put = useCallback((line: CaptionLine) => setLines((prev) => withLine(prev, line)), []);
  return { lines, state, put };
}
