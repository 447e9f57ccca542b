import { useMemo, useState } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { toCallError } from '@madoguchi/call-core/call-error';
import { useStaffCall } from '../../hooks/use-call-client';
import { useConnectionState } from '../../hooks/use-connection-state';
import { useNow } from '../../hooks/use-now';
import { useQueue } from '../../hooks/use-queue';
import { consoleMessages } from '../../i18n/console-messages';
import { messages } from '../../i18n/messages';
import { QueueItem } from './queue-item';

export interface QueuePanelProps {
  onNotice: (text: string | null) => void;
  /** 離席中: the queue is shown, but nobody can be answered from this desk. */
  away: boolean;
}

export function QueuePanel({ onNotice, away }: QueuePanelProps) {
  const desk = useStaffCall();
  const queue = useQueue();
  const connection = useConnectionState();
  const now = useNow();
  const [accepting, setAccepting] = useState(false);
  const sorted = useMemo(() => [...queue].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)), [queue]);

  async function answer(consultationId: string) {
    setAccepting(true);
    onNotice(null);
    try {
      await desk.acceptCall(consultationId);
    } catch (error) {
      const { code } = toCallError(error);
      onNotice(code === ErrorCode.AlreadyTaken ? messages.queue.alreadyTaken : messages.queue.acceptFailed);
    } finally {
      setAccepting(false);
    }
  }

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="queue__heading">
        {messages.queue.heading}
        <span className="queue__count">{sorted.length}</span>
      </h2>
      {away ? <p className="queue__away">{consoleMessages.availability.awayNotice}</p> : null}
      {sorted.length === 0 ? (
        <p className="queue__empty">{messages.queue.empty}</p>
      ) : (
        <ul className="queue__list">
          {sorted.map((entry) => (
            <QueueItem
              key={entry.consultationId}
              entry={entry}
              now={now}
              disabled={away || accepting || connection !== 'connected'}
              onAnswer={(id) => void answer(id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
