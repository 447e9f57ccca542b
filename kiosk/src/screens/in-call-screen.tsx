import type { CallSessionSnapshot } from '@media/call-session-types';
import { AudioPlayer } from '@ui/audio-player';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { VideoView } from '../components/video-view';
import { describeCallStatus } from '../session/describe-call-status';
import { useMessages } from '../session/use-messages';

export interface InCallScreenProps {
  staffName: string | null;
  call: CallSessionSnapshot | null;
  onHangUp: () => void;
}

/** The specialist large, the resident small (mirrored, muted), one big hang-up button. */
export function InCallScreen({ staffName, call, onHangUp }: InCallScreenProps) {
  const { inCall } = useMessages();
  const remoteTracks = call?.remoteTracks ?? [];
  const staffVideo =
    remoteTracks.find((t) => t.kind === 'video' && t.source === 'camera') ?? remoteTracks.find((t) => t.kind === 'video');
  const audioTracks = remoteTracks.filter((t) => t.kind === 'audio');
  const noLocalMedia = call?.callState === 'inCall' && !call.localStream;

  return (
    <ScreenFrame name="in-call">
      <div className="in-call__stage">
        <VideoView className="in-call__remote" source={staffVideo?.track ?? null} label={inCall.staffVideo} />
        <VideoView className="in-call__self" source={call?.localStream ?? null} label={inCall.selfView} mirrored />
      </div>
      {audioTracks.map((remote) => (
        <AudioPlayer key={remote.consumerId} track={remote.track} />
      ))}
      <div className="in-call__bar">
        <div className="in-call__info">
          {staffName ? <p className="in-call__staff">{inCall.staffName(staffName)}</p> : null}
          <p className="in-call__status" role="status">
            {describeCallStatus(call, inCall)}
          </p>
          {noLocalMedia ? <p className="in-call__warning">{inCall.noLocalMedia}</p> : null}
        </div>
        <BigButton variant="danger" onClick={onHangUp}>
          {inCall.hangUp}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
