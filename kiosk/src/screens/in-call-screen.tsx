import { useEffect, useState } from 'react';
import type { CallSnapshot } from '@madoguchi/call-core/call-types';
import { BigButton } from '../components/big-button';
import { CaptionArea } from '../components/caption-area';
import { DocumentPreview } from '../components/document-preview';
import { KioskDialog } from '../components/kiosk-dialog';
import { RemoteAudio } from '@madoguchi/call-core/components/remote-audio';
import { ScreenFrame } from '../components/screen-frame';
import { StaffMessages } from '../components/staff-messages';
import { VideoView } from '@madoguchi/call-core/components/video-view';
import { VOLUME_STEPS, VolumeControl } from '../components/volume-control';
import { describeCallStatus } from '../visit/describe-call-status';
import { captionsVisible, type InCallExtrasSnapshot } from '../visit/in-call-extras';
import { useKioskSnapshot } from '../visit/use-kiosk-snapshot';
import { useMessages } from '../visit/use-messages';
import { SnapshotConsent } from './snapshot-consent';
import { missingFaceDevices } from '@madoguchi/call-core/face-device-report';

export interface InCallScreenProps {
  staffName: string | null;
  call: CallSnapshot | null;
  extras: InCallExtrasSnapshot;
  onToggleDocument: () => void;
  onAnswerSnapshot: (consent: boolean) => void;
  onDismissSnapshot: () => void;
  onHangUp: () => void;
  /** The screen opened: fetch the captions so far. */
  onLoadCaptions: () => void;
  onShowCaptions: (shown: boolean) => void;
  onCaptionConsent: (keep: boolean) => void;
}

const DEFAULT_VOLUME = 4;
/** How long 「通訳者が参加しました」 stays over the picture; the guest's tile keeps its caption. */
const GUEST_NOTICE_MS = 10_000;

/** True for a while after someone joins (`present` turns true), so the notice is seen and read out. */
function useJoinNotice(present: boolean): boolean {
  const [showing, setShowing] = useState(false);
  useEffect(() => {
    if (!present) {
      setShowing(false);
      return;
    }
    setShowing(true);
    const id = setTimeout(() => setShowing(false), GUEST_NOTICE_MS);
    return () => clearTimeout(id);
  }, [present]);
  return showing;
}

/**
 * The specialist large, the resident small (mirrored, muted), the document camera with the
 * specialist's marks when it is on, their typed messages, volume and a confirmed hang-up.
 * A guest (an interpreter, another department) is announced and gets half of the picture, large
 * enough to read signing; every tile says whose picture it is.
 */
export function InCallScreen({
  staffName,
  call,
  extras,
  onToggleDocument,
  onAnswerSnapshot,
  onDismissSnapshot,
  onHangUp,
  onLoadCaptions,
  onShowCaptions,
  onCaptionConsent,
}: InCallScreenProps) {
  const { inCall, callTools, snapshot, captions } = useMessages();
  const language = useKioskSnapshot().language;
  const [confirmingHangUp, setConfirmingHangUp] = useState(false);
  const [volume, setVolume] = useState(DEFAULT_VOLUME);
  const remoteTracks = call?.remoteTracks ?? [];
  const staffTracks = remoteTracks.filter((t) => t.kind === 'video' && t.peerRole !== 'guest');
  const staffVideo = staffTracks.find((t) => t.source === 'camera') ?? staffTracks.find((t) => t.source !== 'screen');
  // What the specialist shows (a form, a map) takes the big picture; their face moves aside.
  const sharedScreen = staffTracks.find((t) => t.source === 'screen');
  const guestVideo = remoteTracks.find((t) => t.kind === 'video' && t.peerRole === 'guest') ?? null;
  const guestPeer = call?.peers.find((p) => p.role === 'guest') ?? null;
  const guestName = inCall.guestKinds[guestPeer?.guestKind ?? 'other'];
  const guestNotice = useJoinNotice(guestPeer !== null);
  const audioTracks = remoteTracks.filter((t) => t.kind === 'audio');
  // What the call is sending without, said plainly (the desk is told too).
  const missing = call?.callState === 'inCall' ? missingFaceDevices(call.localStream) : [];
  const noLocalMedia = missing.length === 2;
  const noCameraOnly = missing.length === 1 && missing[0] === 'camera';
  const noMicrophoneOnly = missing.length === 1 && missing[0] === 'microphone';
  const documentOn = extras.documentStream !== null;
  const showCaptions = captionsVisible(extras);
  const askToKeepCaptions = extras.captionsState?.transcriptOffered === true && extras.captionsState.transcriptConsent === null && extras.captionLines.length > 0;
  const mediaReady = call?.callState === 'inCall';
  // Again after a reconnect (joining -> inCall): lines may have come while the kiosk was away.
  useEffect(() => {
    if (mediaReady) onLoadCaptions();
  }, [mediaReady, onLoadCaptions]);

  return (
    <ScreenFrame name="in-call">
      <div
        className={`in-call__stage${documentOn ? ' in-call__stage--document' : ''}${guestVideo ? ' in-call__stage--guest' : ''}${showCaptions ? ' in-call__stage--captions' : ''}`}
      >
        {sharedScreen ? (
          <>
            <VideoView className="in-call__remote in-call__remote--screen" source={sharedScreen.track} label={inCall.sharedScreen} />
            <VideoView className="in-call__staff-inset" source={staffVideo?.track ?? null} label={inCall.staffVideo} />
          </>
        ) : (
          <VideoView className="in-call__remote" source={staffVideo?.track ?? null} label={inCall.staffVideo} />
        )}
        <p className="in-call__caption in-call__caption--staff" aria-hidden="true">
          {inCall.staffCaption}
        </p>
        {guestVideo ? (
          <figure className="in-call__guest">
            <VideoView className="in-call__guest-video" source={guestVideo.track} label={guestName} />
            <figcaption className="in-call__caption">{guestName}</figcaption>
          </figure>
        ) : null}
        {extras.documentStream ? (
          <DocumentPreview stream={extras.documentStream} marks={extras.marks} label={callTools.documentView} />
        ) : null}
        <figure className="in-call__self">
          <VideoView className="in-call__self-video" source={call?.localStream ?? null} label={inCall.selfView} mirrored />
          <figcaption className="in-call__caption">{inCall.selfCaption}</figcaption>
        </figure>
        {/* Always in the page, so screen readers announce the words when they appear. */}
        <p className="in-call__announcement" role="status">
          {guestNotice ? inCall.guestJoined(guestName) : ''}
        </p>
        <StaffMessages messages={extras.messages} language={language} label={callTools.messages} untranslatedLabel={callTools.untranslated} />
        <div className="captions-switch">
          <BigButton variant="quiet" aria-pressed={showCaptions} onClick={() => onShowCaptions(!showCaptions)}>
            {captions.show}
          </BigButton>
        </div>
        {showCaptions ? <CaptionArea lines={extras.captionLines} labels={captions} askToKeep={askToKeepCaptions} onKeepAnswer={onCaptionConsent} /> : null}
      </div>
      {audioTracks.map((remote) => (
        <RemoteAudio key={remote.consumerId} track={remote.track} volume={volume / VOLUME_STEPS} />
      ))}
      <div className="in-call__bar">
        <div className="in-call__info">
          {staffName ? <p className="in-call__staff">{inCall.staffName(staffName)}</p> : null}
          <p className="in-call__status" role="status">
            {describeCallStatus(call, inCall, extras.deskMissing)}
          </p>
          {noLocalMedia ? <p className="in-call__warning">{inCall.noLocalMedia}</p> : null}
          {noCameraOnly ? <p className="in-call__warning">{inCall.noCamera}</p> : null}
          {noMicrophoneOnly ? <p className="in-call__warning">{inCall.noMicrophone}</p> : null}
          {extras.deskMissing.includes('microphone') ? <p className="in-call__warning">{inCall.staffNoMicrophone}</p> : null}
          {extras.documentFailed ? <p className="in-call__warning">{callTools.documentFailed}</p> : null}
        </div>
        <VolumeControl level={volume} labels={callTools} onChange={setVolume} />
        <BigButton variant="quiet" aria-pressed={documentOn} disabled={extras.documentBusy} onClick={onToggleDocument}>
          {documentOn ? callTools.hideDocument : callTools.showDocument}
        </BigButton>
        <BigButton variant="danger" onClick={() => setConfirmingHangUp(true)}>
          {inCall.hangUp}
        </BigButton>
      </div>
      {confirmingHangUp ? (
        <KioskDialog
          title={callTools.hangUpQuestion}
          actions={
            <>
              <BigButton variant="quiet" onClick={() => setConfirmingHangUp(false)} autoFocus>
                {callTools.hangUpNo}
              </BigButton>
              <BigButton variant="danger" onClick={onHangUp}>
                {callTools.hangUpYes}
              </BigButton>
            </>
          }
        />
      ) : null}
      {extras.snapshot ? (
        <SnapshotConsent phase={extras.snapshot.phase} labels={snapshot} onAnswer={onAnswerSnapshot} onDismiss={onDismissSnapshot} />
      ) : null}
    </ScreenFrame>
  );
}
