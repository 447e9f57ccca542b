/**
 * What one synthetic consultation sends: the kiosk's face camera, document camera and voice to
 * the staff, the staff's camera and voice to the kiosk. Each producer is consumed once.
 */
import type { MediaSource, PeerRole, RtpCapabilitiesJson, RtpParametersJson } from '@madoguchi/contract/media';

/** The two sides of the benchmark's consultation (no guest). */
export type BenchPeer = Exclude<PeerRole, 'guest'>;
import type { ClipName } from './media-clips';

export interface StreamSpec {
  peer: BenchPeer;
  source: MediaSource;
  kind: 'audio' | 'video';
  clip: ClipName;
}

export const CONSULTATION_STREAMS: readonly StreamSpec[] = Object.freeze([
  { peer: 'kiosk', source: 'camera', kind: 'video', clip: 'camera720' },
  { peer: 'kiosk', source: 'document', kind: 'video', clip: 'document1080' },
  { peer: 'kiosk', source: 'microphone', kind: 'audio', clip: 'voice' },
  { peer: 'staff', source: 'camera', kind: 'video', clip: 'camera720' },
  { peer: 'staff', source: 'microphone', kind: 'audio', clip: 'voice' },
]);

export const PEER_ROLES: readonly BenchPeer[] = ['kiosk', 'staff'];

export const OPUS_PAYLOAD_TYPE = 100;
export const VP8_PAYLOAD_TYPE = 101;

/** What a browser asks for on VP8: retransmissions and key frames on request. */
const VIDEO_FEEDBACK = [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }];

/**
 * Both sides of the bench use no RTP header extensions: without transport-cc the SFU runs no
 * bandwidth estimation against a sink that never answers, so both variants forward the same way.
 */
export const RECEIVER_RTP_CAPABILITIES = {
  codecs: [
    { kind: 'audio', mimeType: 'audio/opus', preferredPayloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2, rtcpFeedback: [] },
    { kind: 'video', mimeType: 'video/VP8', preferredPayloadType: VP8_PAYLOAD_TYPE, clockRate: 90000, rtcpFeedback: VIDEO_FEEDBACK },
  ],
  headerExtensions: [],
} as unknown as RtpCapabilitiesJson;

export function producerRtpParameters(kind: 'audio' | 'video', ssrc: number): RtpParametersJson {
  const codec =
    kind === 'audio'
      ? { mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2, rtcpFeedback: [] }
      : { mimeType: 'video/VP8', payloadType: VP8_PAYLOAD_TYPE, clockRate: 90000, rtcpFeedback: VIDEO_FEEDBACK };
  return {
    codecs: [codec],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `bench-${ssrc}`, reducedSize: true },
  } as unknown as RtpParametersJson;
}
