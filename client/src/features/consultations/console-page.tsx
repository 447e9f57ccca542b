import { useEffect, useState } from 'react';
import { ErrorCode } from '@contract/errors';
import { ConnectionBanner } from '../../components/connection-banner';
import { useAuth } from '../../hooks/use-auth';
import { useAvailability } from '../../hooks/use-availability';
import { useCallSession } from '../../hooks/use-call-session';
import { useCallSessionEvent } from '../../hooks/use-call-session-event';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { useCallState } from '../../hooks/use-call-state';
import { useConnectionState } from '../../hooks/use-connection-state';
import { useQueue } from '../../hooks/use-queue';
import { consoleMessages } from '../../i18n/console-messages';
import { messages } from '../../i18n/messages';
import { shellMessages } from '../../i18n/shell-messages';
import { AfterCallForm } from './after-call-form';
import { AvailabilityToggle } from './availability-toggle';
import { CallPanel } from './call-panel';
import { QueuePanel } from './queue-panel';
import { useArrivalAlert } from './use-arrival-alert';
import '../../styles/console.css';

/** The specialist's desk: availability, the live queue, the current call, then its outcome. */
export function ConsolePage() {
  const { signOut } = useAuth();
  const connection = useConnectionState();
  const callState = useCallState();
  const queue = useQueue();
  const lastError = useCallSnapshot((snapshot) => snapshot.lastError);
  const [availability, setAvailability] = useAvailability();
  const [notice, setNotice] = useState<string | null>(null);
  const [afterCall, setAfterCall] = useState<string | null>(null);
  const answered = useCallSnapshot((snapshot) => snapshot.call?.answered ?? false);
  // While 応答 is in flight the call is not ours yet (another desk may win): the queue stays.
  const inCall = callState === 'inCall' || (callState === 'joining' && answered);
  useArrivalAlert(queue, { available: availability === 'available', inCall });
  const session = useCallSession();
  // Waiting residents are told whether anyone can answer: the server needs to know.
  useEffect(() => {
    session.setAvailability(availability === 'available').catch(() => undefined);
  }, [session, availability]);

  useCallSessionEvent('callEnded', (event) => {
    if (!event.answered) return;
    setNotice(messages.call.ended(event.reason));
    if (event.sessionId && event.reason !== 'transferred') setAfterCall(event.sessionId);
  });

  // The server refused our token for good: only a new login helps.
  useEffect(() => {
    if (connection === 'failed' && lastError?.code === ErrorCode.Unauthenticated) signOut(messages.login.sessionExpired);
  }, [connection, lastError, signOut]);

  const finishAfterCall = (saved: boolean) => {
    setAfterCall(null);
    setNotice(saved ? consoleMessages.outcome.saved : null);
  };

  return (
    <section className="console__main" aria-labelledby="console-heading">
      <h1 id="console-heading" className="visually-hidden">
        {shellMessages.nav.console}
      </h1>
      <ConnectionBanner state={connection} texts={messages.connection} />
      {!inCall ? <AvailabilityToggle value={availability} onChange={setAvailability} /> : null}
      {notice && !inCall ? (
        <p className="console__notice" role="status">
          {notice}
        </p>
      ) : null}
      {inCall ? (
        <CallPanel
          onTransferred={(result) => setNotice(consoleMessages.transfer.done(result.departmentName, result.queuePosition))}
        />
      ) : afterCall ? (
        <AfterCallForm key={afterCall} sessionId={afterCall} onDone={finishAfterCall} />
      ) : (
        <QueuePanel onNotice={setNotice} away={availability === 'away'} />
      )}
    </section>
  );
}
