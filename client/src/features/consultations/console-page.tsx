import { useEffect, useState } from 'react';
import { ErrorCode } from '@contract/errors';
import { ConnectionBanner } from '../../components/connection-banner';
import { useAuth } from '../../hooks/use-auth';
import { useCallSessionEvent } from '../../hooks/use-call-session-event';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { useCallState } from '../../hooks/use-call-state';
import { useConnectionState } from '../../hooks/use-connection-state';
import { messages } from '../../i18n/messages';
import { shellMessages } from '../../i18n/shell-messages';
import { CallPanel } from './call-panel';
import { QueuePanel } from './queue-panel';

/** The specialist's desk: the live queue, or the current call. */
export function ConsolePage() {
  const { signOut } = useAuth();
  const connection = useConnectionState();
  const callState = useCallState();
  const lastError = useCallSnapshot((snapshot) => snapshot.lastError);
  const [notice, setNotice] = useState<string | null>(null);

  useCallSessionEvent('callEnded', (event) => {
    if (event.answered) setNotice(messages.call.ended(event.reason));
  });

  // The server refused our token for good: only a new login helps.
  useEffect(() => {
    if (connection === 'failed' && lastError?.code === ErrorCode.Unauthenticated) signOut(messages.login.sessionExpired);
  }, [connection, lastError, signOut]);

  const inCall = callState === 'joining' || callState === 'inCall';
  return (
    <section className="console__main" aria-labelledby="console-heading">
      <h1 id="console-heading" className="visually-hidden">
        {shellMessages.nav.console}
      </h1>
      <ConnectionBanner state={connection} texts={messages.connection} />
      {notice && !inCall ? (
        <p className="console__notice" role="status">
          {notice}
        </p>
      ) : null}
      {inCall ? <CallPanel /> : <QueuePanel onNotice={setNotice} />}
    </section>
  );
}
