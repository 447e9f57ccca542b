import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { joinTuning } from '@madoguchi/call-core/join-tuning';
import { ConnectionBanner } from '../../components/connection-banner';
import { useAuth } from '../../hooks/use-auth';
import { useAvailability } from '../../hooks/use-availability';
import { useStaffCall } from '../../hooks/use-call-client';
import { useCallEvent } from '../../hooks/use-call-event';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { useCallState } from '../../hooks/use-call-state';
import { useConnectionState } from '../../hooks/use-connection-state';
import { useQueue } from '../../hooks/use-queue';
import { consoleMessages } from '../../i18n/console-messages';
import { describeMediaFailure } from '../../i18n/media-path-messages';
import { messages } from '../../i18n/messages';
import { shellMessages } from '../../i18n/shell-messages';
import { AfterCallForm } from './after-call-form';
import { AvailabilityToggle } from './availability-toggle';
import { CallPanel } from './call-panel';
import { QueuePanel } from './queue-panel';
import { ResumeOffer } from './resume-offer';
import { useResumableCall } from './use-resumable-call';
import { resumeMessages } from '../../i18n/resume-messages';
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
  // The leg just handed to another department: its form says so.
  const [afterTransfer, setAfterTransfer] = useState<string | null>(null);
  const answered = useCallSnapshot((snapshot) => snapshot.call?.answered ?? false);
  const mediaPath = useCallSnapshot((snapshot) => snapshot.serverInfo?.media ?? null);
  // While 応答 is in flight the call is not ours yet (another desk may win): the queue stays.
  const inCall = callState === 'inCall' || (callState === 'joining' && answered);
  // The call's panel is a long render; mounted at the answer's own priority it held up the
  // camera's produce (and the resident's first picture of the specialist) on this one thread.
  // Deferred, React renders it in slices between the media work.
  const deferredInCall = useDeferredValue(inCall);
  const showCall = joinTuning().deferCallScreen ? deferredInCall : inCall;
  useArrivalAlert(queue, { available: availability === 'available', inCall });
  // After a reload: a call still going on is offered back; one that ended meanwhile gets its outcome form (once).
  const resumable = useResumableCall();
  const offeredOutcomes = useRef(new Set<string>());
  // A call this page saw end is never offered back (the server may answer before its end is done).
  const [endedHere, setEndedHere] = useState<ReadonlySet<string>>(() => new Set());
  const resumableLive = resumable?.live && !endedHere.has(resumable.live.consultationId) ? resumable.live : null;
  useEffect(() => {
    const unrecorded = resumable?.unrecorded;
    if (!unrecorded || afterCall || offeredOutcomes.current.has(unrecorded.consultationId)) return;
    offeredOutcomes.current.add(unrecorded.consultationId);
    setNotice(resumeMessages.endedAway(unrecorded.kioskName));
    setAfterCall(unrecorded.consultationId);
  }, [resumable, afterCall]);
  const desk = useStaffCall();
  // Waiting residents are told whether anyone can answer: the server needs to know.
  useEffect(() => {
    desk.setAvailability(availability === 'available').catch(() => undefined);
  }, [desk, availability]);

  useCallEvent('callEnded', (event) => {
    if (event.consultationId) setEndedHere((ended) => new Set(ended).add(event.consultationId ?? ''));
    if (!event.answered) return;
    setNotice(event.reason === 'media_failed' ? describeMediaFailure(event.failedRoles, mediaPath) : messages.call.ended(event.reason));
    // A transfer ends this desk's leg of the consultation: its outcome is this desk's to record.
    if (event.consultationId) {
      offeredOutcomes.current.add(event.consultationId);
      setAfterCall(event.consultationId);
      setAfterTransfer(event.reason === 'transferred' ? event.consultationId : null);
    }
  });

  // The server refused our token for good: only a new login helps.
  useEffect(() => {
    if (connection === 'failed' && lastError?.code === ErrorCode.Unauthenticated) signOut(messages.login.sessionExpired);
  }, [connection, lastError, signOut]);

  const finishAfterCall = (saved: boolean, queued = false) => {
    setAfterCall(null);
    setNotice(queued ? resumeMessages.outcomeQueued : saved ? consoleMessages.outcome.saved : null);
  };

  return (
    <section className="console__main" aria-labelledby="console-heading">
      <h1 id="console-heading" className="visually-hidden">
        {shellMessages.nav.console}
      </h1>
      <ConnectionBanner state={connection} texts={messages.connection} />
      {!showCall ? <AvailabilityToggle value={availability} onChange={setAvailability} /> : null}
      {notice && !showCall ? (
        <p className="console__notice" role="status">
          {notice}
        </p>
      ) : null}
      {showCall ? (
        <CallPanel
          onTransferred={(result) => setNotice(consoleMessages.transfer.done(result.departmentName, result.queuePosition))}
        />
      ) : resumableLive ? (
        <ResumeOffer call={resumableLive} />
      ) : afterCall ? (
        <AfterCallForm key={afterCall} consultationId={afterCall} transferred={afterTransfer === afterCall} onDone={finishAfterCall} />
      ) : (
        <QueuePanel onNotice={setNotice} away={availability === 'away'} />
      )}
    </section>
  );
}
