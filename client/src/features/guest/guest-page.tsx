import { useEffect, useReducer, useState } from 'react';
import type { RemoteTrack } from '@madoguchi/call-core/call-types';
import { GuestCallClient } from '@madoguchi/call-core/call/guest-call-client';
import { reportMissingFaceDevices } from '@madoguchi/call-core/face-device-report';
import { RemoteAudio } from '@madoguchi/call-core/components/remote-audio';
import { VideoView } from '@madoguchi/call-core/components/video-view';
import { NewReleaseBanner } from '../../components/new-release-banner';
import { CallClientContext } from '../../hooks/call-client-context';
import { useCallState } from '../../hooks/use-call-state';
import { useLocalStream } from '../../hooks/use-local-stream';
import { useRemoteTracks } from '../../hooks/use-remote-tracks';
import { guestMessages as m } from '../../i18n/guest-messages';
import { guestDeviceNotice } from './guest-device-notice';
import { GuestMessageList } from './guest-message-list';
import { guestOffersReload, type GuestPhase } from './guest-release';
import { useCallConversation } from '../consultations/use-call-messages';
import { CaptionerBox } from '../captions/captioner-box';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import '../../styles/guest.css';

function labelOf(track: RemoteTrack): string {
  if (track.source === 'document') return m.sources.document;
  if (track.source === 'screen') return m.sources.screen;
  if (track.peerRole === 'kiosk') return m.sources.kioskCamera;
  if (track.peerRole === 'staff') return m.sources.staffCamera;
  return m.sources.other;
}

/** Re-renders when a track of `stream` ends (a camera unplugged mid-call, taken by another app). */
function useTrackEnded(stream: MediaStream | null): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const tracks = stream?.getTracks() ?? [];
    for (const track of tracks) track.addEventListener('ended', bump);
    return () => {
      for (const track of tracks) track.removeEventListener('ended', bump);
    };
  }, [stream]);
}

/**
 * The guest's own camera or microphone is missing from the call: which, why and what to do, and
 * that the call goes on for them (they still see and hear it; the desk has been told).
 */
function DeviceNotice({ inCall }: { inCall: boolean }) {
  const local = useLocalStream();
  const lastError = useCallSnapshot((snapshot) => snapshot.lastError);
  useTrackEnded(local);
  const notice = guestDeviceNotice(inCall, local, lastError);
  if (!notice) return null;
  const which = notice.missing.length === 2 ? m.devices.both : notice.missing[0] === 'camera' ? m.devices.camera : m.devices.microphone;
  return (
    <div className="notice notice--warning" role="alert">
      <p className="notice__text">
        <strong>{which}</strong> {m.devices[notice.trouble]} {m.devices.stillIn}
      </p>
    </div>
  );
}

function GuestCall({ phase, consultationId, client, onLeave }: { phase: GuestPhase; consultationId: string; client: GuestCallClient; onLeave: () => void }) {
  // Listening from the start, not from when the list appears: a message sent the moment the page
  // says 「通話に参加しました。」 must not be missed.
  const messages = useCallConversation(consultationId);
  const remote = useRemoteTracks();
  const local = useLocalStream();
  const callState = useCallState();
  const captioner = useCallSnapshot((snapshot) => snapshot.serverInfo?.guestKind === 'captioner');
  const videos = remote.filter((t) => t.kind === 'video');
  const audio = remote.filter((t) => t.kind === 'audio');
  const status =
    phase === 'failed' ? m.failed : phase === 'left' ? m.left : phase === 'ended' ? m.ended : callState === 'inCall' ? m.joined : m.connecting;
  return (
    <>
      <NewReleaseBanner texts={m.newRelease} offered={(release) => guestOffersReload(phase, release)} />
      <p className={phase === 'failed' ? 'notice notice--error' : 'notice'} role="status">
        {status}
      </p>
      {phase === 'joined' ? (
        <>
          <DeviceNotice inCall={callState === 'inCall'} />
          <div className="guest__videos">
            {videos.map((track) => (
              <VideoView key={track.consumerId} className="guest__video" source={track.track} label={labelOf(track)} placeholder={labelOf(track)} caption={labelOf(track)} />
            ))}
            <VideoView className="guest__video guest__video--self" source={local} label={m.selfView} caption={m.sources.self} mirrored />
          </div>
          {audio.map((track) => (
            <RemoteAudio key={track.consumerId} track={track.track} />
          ))}
          {captioner ? <CaptionerBox consultationId={consultationId} client={client} /> : null}
          <GuestMessageList messages={messages} />
          <button type="button" className="button button--danger" onClick={onLeave}>
            {m.leave}
          </button>
        </>
      ) : null}
    </>
  );
}

/**
 * The page a guest link opens (`#/guest?consultation=…&token=…`): no login; the token admits this
 * browser to that one call and nothing else. Leaving spends the link.
 */
export function GuestPage({ consultationId, token }: { consultationId: string | null; token: string | null }) {
  const [client, setClient] = useState<GuestCallClient | null>(null);
  const [phase, setPhase] = useState<GuestPhase>('connecting');

  useEffect(() => {
    if (!consultationId || !token) return;
    const next = new GuestCallClient({ getToken: () => token });
    setClient(next);
    // The desk is told when the guest's camera or microphone is missing, as the kiosk's and the desk's own are.
    const stopReporting = reportMissingFaceDevices(next, (id, device) => next.sendGuestCallRequest('reportDeviceProblem', { consultationId: id, device }));
    next
      .connect()
      .then(() => next.joinAsGuest(consultationId))
      .then(() => setPhase('joined'))
      .catch(() => setPhase('failed'));
    // The server closes a guest's socket when the call ends; the page says so plainly.
    next.on('callEnded', () => setPhase((current) => (current === 'joined' || current === 'connecting' ? 'ended' : current)));
    return () => {
      stopReporting();
      next.close();
      next.removeAllListeners();
    };
  }, [consultationId, token]);

  const leave = (): void => {
    void client?.hangUp().finally(() => setPhase('left'));
  };

  return (
    <main className="page guest" aria-labelledby="guest-title">
      <h1 id="guest-title" className="page__title">
        {m.title}
      </h1>
      <p>{m.lead}</p>
      {!consultationId || !token ? (
        <p className="notice notice--error" role="alert">
          {m.badLink}
        </p>
      ) : client ? (
        <CallClientContext value={client}>
          <GuestCall phase={phase} consultationId={consultationId} client={client} onLeave={leave} />
        </CallClientContext>
      ) : null}
    </main>
  );
}
