import { useState } from 'react';
import type { TransferResult } from '@madoguchi/contract/signalling-events';
import { RemoteAudio } from '@madoguchi/call-core/components/remote-audio';
import { StatusLine } from '../../components/status-line';
import { VideoView } from '@madoguchi/call-core/components/video-view';
import { useStaffCall } from '../../hooks/use-call-client';
import { useCallEvent } from '../../hooks/use-call-event';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { consoleMessages } from '../../i18n/console-messages';
import { messages } from '../../i18n/messages';
import { guestCaption, tileCaptions } from '../../i18n/tile-captions';
import { describeCallStatus } from './call-status';
import { DocumentPane } from './document-pane';
import { MessagePanel } from './message-panel';
import { NodeLostBanner } from './node-lost-banner';
import { CaptionsPanel } from '../captions/captions-panel';
import { QualityIndicator } from './quality-indicator';
import { ResidentContext } from './resident-context';
import { SnapshotPanel } from './snapshot-panel';
import { FormPanel } from '../forms/form-panel';
import { GuestInvite } from './guest-invite';
import { ResidentAbsentButton } from './resident-absent-button';
import { HangUpButton } from './hang-up-button';
import { TransferDialog } from './transfer-dialog';
import { useCallQuality } from './use-call-quality';
import { useKioskDeviceProblems } from './use-kiosk-device-problems';
import { useGuestDeviceProblems } from './use-guest-device-problems';
import { useScreenShare } from './use-screen-share';

export interface CallPanelProps {
  onTransferred: (result: TransferResult) => void;
}

/**
 * The call: the kiosk's document camera large (zoom, marks, snapshots) when it is on, the
 * resident's face beside it (or large when there is no document), messages, screen sharing,
 * transfer, the connection's quality and the hang-up button.
 */
export function CallPanel({ onTransferred }: CallPanelProps) {
  const staffCall = useStaffCall();
  const snapshot = useCallSnapshot();
  const [peerGone, setPeerGone] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  useCallEvent('peerLeft', (role) => setPeerGone(role === 'kiosk'));
  useCallEvent('peerJoined', (peer) => peer.role === 'kiosk' && setPeerGone(false));

  const kioskVideo = snapshot.remoteTracks.filter((t) => t.kind === 'video' && t.peerRole === 'kiosk');
  const guestVideo = snapshot.remoteTracks.find((t) => t.kind === 'video' && t.peerRole === 'guest') ?? null;
  const guestKind = snapshot.peers.find((p) => p.role === 'guest')?.guestKind;
  const documentVideo = kioskVideo.find((t) => t.source === 'document') ?? null;
  const residentVideo = kioskVideo.find((t) => t.source === 'camera') ?? kioskVideo.find((t) => t.source !== 'document') ?? null;
  const audioTracks = snapshot.remoteTracks.filter((t) => t.kind === 'audio');
  const call = snapshot.call;
  const consultationId = call?.consultationId ?? null;
  const inCall = snapshot.callState === 'inCall';
  const quality = useCallQuality(consultationId, residentVideo?.track ?? null, inCall);
  const screen = useScreenShare();
  const kioskDevicesDown = useKioskDeviceProblems(consultationId);
  const documentCameraDown = kioskDevicesDown.has('documentCamera');
  // No picture will come (or none any more: an unplugged camera leaves its last frame): say why,
  // instead of 「相手の映像を待っています…」 for ever.
  const residentNoCamera = kioskDevicesDown.has('camera');
  const guestDevicesDown = useGuestDeviceProblems(consultationId);
  const status = describeCallStatus(
    {
      connection: snapshot.connection,
      callState: snapshot.callState,
      media: snapshot.media,
      hasRemoteVideo: residentVideo !== null,
      peerGone,
      iceProtocol: snapshot.iceProtocol,
    },
    messages.call,
  );
  const noLocalMedia = inCall && !snapshot.localStream;
  const c = consoleMessages;

  const hangUp = async (options: { residentAbsent?: boolean } = {}) => {
    screen.stop();
    await quality.report();
    await staffCall.hangUp(options);
  };

  const residentView = (
    <VideoView
      className="call__remote"
      source={residentVideo?.track ?? null}
      label={messages.call.residentVideo}
      placeholder={residentNoCamera && residentVideo === null ? consoleMessages.snapshot.residentNoCamera : messages.call.waitingForVideo}
      caption={tileCaptions.resident}
    />
  );

  return (
    <section className="call call--console" aria-labelledby="call-heading">
      <header className="call__header">
        <h2 id="call-heading">{messages.call.heading(call?.peerName ?? '…')}</h2>
        {call?.peerLocation ? <p className="call__location">{messages.call.location(call.peerLocation)}</p> : null}
        <QualityIndicator level={quality.level} reading={quality.reading} />
      </header>
      {snapshot.failover ? <NodeLostBanner failover={snapshot.failover} /> : null}
      <div className="call__layout">
        <div className="call__main">
          {documentVideo ? (
            <DocumentPane consultationId={consultationId} track={documentVideo.track} />
          ) : (
            <div className="call__stage">
              {residentView}
              <VideoView className="call__self" source={snapshot.localStream} label={messages.call.selfView} caption={tileCaptions.self} mirrored />
            </div>
          )}
          <SnapshotPanel consultationId={consultationId} canTake={inCall} />
          <FormPanel consultationId={consultationId} canPush={inCall} />
        </div>
        <aside className="call__side">
          {consultationId && snapshot.call?.answered ? <ResidentContext consultationId={consultationId} /> : null}
          {documentVideo ? (
            <div className="call__side-videos">
              <div className="call__side-video">{residentView}</div>
              <VideoView className="call__side-self" source={snapshot.localStream} label={messages.call.selfView} caption={tileCaptions.self} mirrored />
            </div>
          ) : null}
          {guestVideo ? <VideoView className="call__side-guest" source={guestVideo.track} label={c.guestVideo} caption={guestCaption(guestKind)} /> : null}
          <CaptionsPanel consultationId={consultationId} />
          <MessagePanel consultationId={consultationId} />
        </aside>
      </div>
      {audioTracks.map((remote) => (
        <RemoteAudio key={remote.consumerId} track={remote.track} />
      ))}
      <div className="call__bar">
        <div className="call__statuses">
          {residentNoCamera && status.text === messages.call.waitingForVideo ? null : <StatusLine text={status.text} tone={status.tone} />}
          {residentNoCamera ? <StatusLine text={consoleMessages.snapshot.residentNoCamera} tone="warning" /> : null}
          {kioskDevicesDown.has('microphone') ? <StatusLine text={consoleMessages.snapshot.residentNoMicrophone} tone="warning" /> : null}
          {guestDevicesDown.map((problem) => (
            <StatusLine key={`${problem.guestKind}-${problem.device}`} text={c.guestDevice[problem.device](guestCaption(problem.guestKind))} tone="warning" />
          ))}
          {quality.frozen ? <StatusLine text={c.quality.frozen} tone="warning" /> : null}
          {noLocalMedia ? <StatusLine text={messages.call.noLocalMedia} tone="warning" /> : null}
          {documentCameraDown && !documentVideo ? <StatusLine text={c.snapshot.cameraDown} tone="warning" /> : null}
          {screen.sharing ? <StatusLine text={c.screen.sharing} tone="info" /> : null}
          {screen.failed ? <StatusLine text={c.screen.failed} tone="warning" /> : null}
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!inCall || screen.busy}
          aria-pressed={screen.sharing}
          onClick={screen.sharing ? screen.stop : screen.start}
        >
          {screen.sharing ? c.screen.stop : c.screen.share}
        </button>
        <button type="button" className="button button--secondary" disabled={!inCall} onClick={() => setTransferOpen(true)}>
          {c.transfer.open}
        </button>
        <GuestInvite consultationId={consultationId} disabled={!inCall} />
        <ResidentAbsentButton disabled={!inCall} onConfirm={() => hangUp({ residentAbsent: true })} />
        <HangUpButton onHangUp={hangUp} />
      </div>
      <TransferDialog
        open={transferOpen}
        onClose={() => setTransferOpen(false)}
        beforeTransfer={async () => {
          screen.stop();
          await quality.report();
        }}
        onTransferred={onTransferred}
      />
    </section>
  );
}
