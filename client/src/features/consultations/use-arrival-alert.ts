import { useEffect, useRef, useState } from 'react';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import { consoleMessages } from '../../i18n/console-messages';
import { playArrivalBeep } from './beep';

/** Ids that were not in the previous queue. */
export function newArrivals(seen: ReadonlySet<string>, queue: readonly QueueEntry[]): string[] {
  return queue.map((e) => e.consultationId).filter((id) => !seen.has(id));
}

/**
 * A new resident in the queue: a beep (only while available and not in a call) and
 * 「(n) 呼び出し」 in the tab title until the queue is empty or a call starts.
 */
export function useArrivalAlert(queue: readonly QueueEntry[], options: { available: boolean; inCall: boolean }): void {
  const { available, inCall } = options;
  const seen = useRef<Set<string> | null>(null);
  const [alerting, setAlerting] = useState(false);

  useEffect(() => {
    const ids = new Set(queue.map((e) => e.consultationId));
    // The first queue after loading is not news.
    const arrived = seen.current ? newArrivals(seen.current, queue) : [];
    seen.current = ids;
    if (arrived.length > 0 && !inCall) {
      setAlerting(true);
      if (available) playArrivalBeep();
    }
    if (queue.length === 0) setAlerting(false);
  }, [queue, available, inCall]);

  useEffect(() => {
    if (inCall) setAlerting(false);
  }, [inCall]);

  useEffect(() => {
    if (!alerting || queue.length === 0) return;
    const base = document.title;
    document.title = `${consoleMessages.availability.titleCalling(queue.length)} | ${base}`;
    return () => {
      document.title = base;
    };
  }, [alerting, queue.length]);
}
