import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import { useStaffCall } from '../../hooks/use-call-client';
import { useInterval } from '../../hooks/use-interval';
import { FreezeWatch, QualityAccumulator, classifyQuality, readSample } from './quality-stats';
import type { QualityLevel, QualityReading, StatsEntry } from './quality-stats';

const POLL_MS = 2000;
const REPORT_TIMEOUT_MS = 3000;

export interface CallQuality {
  reading: QualityReading | null;
  level: QualityLevel;
  /** The resident's camera decodes no new frames although its track is live. */
  frozen: boolean;
  /** Sends the call's means once (reportQuality); later calls resolve at once. */
  report(): Promise<void>;
}

function entries(report: RTCStatsReport | null): StatsEntry[] {
  const list: StatsEntry[] = [];
  report?.forEach((entry: StatsEntry) => list.push(entry));
  return list;
}

function sendReport(desk: StaffCallClient, consultationId: string, accumulator: QualityAccumulator): Promise<void> {
  const sent = desk.sendStaffRequest('reportQuality', { consultationId, quality: accumulator.summary() }).then(() => undefined);
  // Hang-up must not wait long on a report.
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, REPORT_TIMEOUT_MS));
  return Promise.race([sent.catch(() => undefined), timeout]);
}

/** getStats every 2 s: the indicator, the frozen-video warning, and the means reported at the end. */
export function useCallQuality(consultationId: string | null, residentTrack: MediaStreamTrack | null, inCall: boolean): CallQuality {
  const desk = useStaffCall();
  // A call lost in the accept race (or failing to join) never reached inCall: nothing to report.
  const joined = useRef(false);
  const [reading, setReading] = useState<QualityReading | null>(null);
  const [frozen, setFrozen] = useState(false);
  const accumulator = useRef(new QualityAccumulator());
  const freeze = useRef(new FreezeWatch());
  const reported = useRef(false);

  useEffect(() => {
    accumulator.current = new QualityAccumulator();
    freeze.current = new FreezeWatch();
    reported.current = false;
    joined.current = false;
  }, [consultationId]);

  // Declared after the reset above, so it runs after it.
  useEffect(() => {
    if (inCall) joined.current = true;
  }, [inCall, consultationId]);

  const poll = async (): Promise<void> => {
    const { send, recv } = await desk.getMediaStats();
    if (!recv && !send) return;
    const now = Date.now();
    const sample = readSample(entries(recv), entries(send), now);
    const next = accumulator.current.add(sample);
    if (next) setReading(next);
    const live = residentTrack?.readyState === 'live';
    setFrozen(freeze.current.update(residentTrack ? sample.framesDecoded[residentTrack.id] : undefined, live, now));
  };
  const pollRef = useRef(poll);
  useEffect(() => {
    pollRef.current = poll;
  });
  useInterval(() => void poll().catch(() => undefined), POLL_MS);
  // The first sample as soon as media flows, not 2 s later.
  useEffect(() => {
    if (inCall) void pollRef.current().catch(() => undefined);
  }, [inCall]);

  const report = useCallback(async () => {
    if (!consultationId || reported.current || !joined.current) return;
    reported.current = true;
    // One last sample, so a short call still has an interval to report.
    await pollRef.current().catch(() => undefined);
    await sendReport(desk, consultationId, accumulator.current);
  }, [desk, consultationId]);

  // A call the kiosk ended closes this panel: report right after.
  const reportRef = useRef(report);
  useEffect(() => {
    reportRef.current = report;
  });
  useEffect(() => () => void reportRef.current(), [consultationId]);

  return { reading, level: classifyQuality(reading), frozen, report };
}
