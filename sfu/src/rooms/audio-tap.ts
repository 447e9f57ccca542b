import type { types } from 'mediasoup';
import type { AudioTap, AudioTapTarget } from '../api';
import { toSfuError } from '../errors';

/**
 * Writes the SDP a plain RTP receiver (ffmpeg's `-i tap.sdp`) needs for one consumer: the port it
 * listens on, the payload type and the codec. RTCP goes to `rtcpPort` (no rtcp-mux: ffmpeg's
 * RTP demuxer expects it on the next port).
 */
export function tapSdp(target: AudioTapTarget, rtpParameters: types.RtpParameters): string {
  const codec = rtpParameters.codecs[0];
  if (!codec) throw new Error('the consumer has no codec');
  const [, name = codec.mimeType] = codec.mimeType.split('/');
  const fmtp = Object.entries(codec.parameters ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(';');
  return [
    'v=0',
    `o=- 0 0 IN IP4 ${target.ip}`,
    's=madoguchi-audio-tap',
    `c=IN IP4 ${target.ip}`,
    't=0 0',
    `m=audio ${target.rtpPort} RTP/AVP ${codec.payloadType}`,
    `a=rtcp:${target.rtcpPort}`,
    `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${codec.channels ? `/${codec.channels}` : ''}`,
    ...(fmtp ? [`a=fmtp:${codec.payloadType} ${fmtp}`] : []),
    'a=recvonly',
    '',
  ].join('\r\n');
}

/**
 * One audio producer copied out of the room as plain RTP to a local receiver, for the server's
 * own use (the caption recogniser). Lives on the producer's router, so no pipe is needed; ends
 * when the producer, the router or the tap closes.
 */
export async function openAudioTap(
  router: types.Router,
  producer: types.Producer,
  target: AudioTapTarget,
  listenIp: string,
): Promise<AudioTap> {
  if (producer.kind !== 'audio') throw toSfuError(new TypeError('only audio producers can be tapped'));
  const transport = await router.createPlainTransport({ listenIp: { ip: listenIp }, rtcpMux: false, comedia: false }).catch((error: unknown) => {
    throw toSfuError(error);
  });
  const listeners: (() => void)[] = [];
  let closed = false;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    if (!transport.closed) transport.close();
    for (const listener of listeners.splice(0)) listener();
  };
  try {
    await transport.connect({ ip: target.ip, port: target.rtpPort, rtcpPort: target.rtcpPort });
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
    consumer.on('producerclose', finish);
    consumer.on('transportclose', finish);
    transport.observer.on('close', finish);
    return {
      tapId: transport.id,
      producerId: producer.id,
      sdp: tapSdp(target, consumer.rtpParameters),
      close: finish,
      onClosed(listener) {
        if (closed) queueMicrotask(listener);
        else listeners.push(listener);
      },
      get closed() {
        return closed;
      },
    };
  } catch (error) {
    finish();
    throw toSfuError(error);
  }
}
