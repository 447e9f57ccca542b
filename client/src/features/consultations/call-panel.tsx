import { useState } from 'react';
import { AudioPlayer } from '../../components/audio-player';
import { StatusLine } from '../../components/status-line';
import { VideoView } from '../../components/video-view';
import { useCallSession } from '../../hooks/use-call-session';
import { useCallSessionEvent } from '../../hooks/use-call-session-event';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { messages } from '../../i18n/messages';
import { describeCallStatus } from './call-status';

/** The resident large, the specialist small, one status line and the hang-up button. */
export function CallPanel() {
  const session = useCallSession();
  const snapshot = useCallSnapshot();
  const [peerGone, setPeerGone] = useState(false);
  useCallSessionEvent('peerLeft', (role) => setPeerGone(role === 'kiosk'));
  useCallSessionEvent('peerJoined', (peer) => peer.role === 'kiosk' && setPeerGone(false));

  const residentVideo =
    snapshot.remoteTracks.find((t) => t.kind === 'video' && t.source === 'camera') ??
    snapshot.remoteTracks.find((t) => t.kind === 'video');
  const audioTracks = snapshot.remoteTracks.filter((t) => t.kind === 'audio');
  const status = describeCallStatus(
    {
      connection: snapshot.connection,
      callState: snapshot.callState,
      media: snapshot.media,
      hasRemoteVideo: residentVideo !== undefined,
      peerGone,
    },
    messages.call,
  );
  const call = snapshot.call;
  const noLocalMedia = snapshot.callState === 'inCall' && !snapshot.localStream;

  return (
    <section className="call" aria-labelledby="call-heading">
      <header className="call__header">
        <h2 id="call-heading">{messages.call.heading(call?.peerName ?? '…')}</h2>
        {call?.peerLocation ? <p className="call__location">{messages.call.location(call.peerLocation)}</p> : null}
      </header>
      <div className="call__stage">
        <VideoView
          className="call__remote"
          source={residentVideo?.track ?? null}
          label={messages.call.residentVideo}
          placeholder={messages.call.waitingForVideo}
        />
        <VideoView className="call__self" source={snapshot.localStream} label={messages.call.selfView} mirrored />
      </div>
      {audioTracks.map((remote) => (
        <AudioPlayer key={remote.consumerId} track={remote.track} />
      ))}
      <div className="call__bar">
        <div className="call__statuses">
          <StatusLine text={status.text} tone={status.tone} />
          {noLocalMedia ? <StatusLine text={messages.call.noLocalMedia} tone="warning" /> : null}
        </div>
        <button type="button" className="button button--danger call__hangup" onClick={() => void session.hangUp()}>
          {messages.call.hangUp}
        </button>
      </div>
    </section>
  );
}
