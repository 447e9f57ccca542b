import type { Device, types } from 'mediasoup-client';
import { fromDtlsParameters, fromRtpCapabilities, fromRtpParameters, toRtpParameters, toTransportOptions } from './media-json';
import { request } from './signalling';
import type { SignallingSocket } from './signalling';

/** One protocol's loopback through the SFU, as the connection check page shows it. */
export interface MediaPathResult {
  protocol: 'udp' | 'tcp';
  /** Media went out to the SFU and came back decoded. */
  ok: boolean;
  /** Round trip to the media server over this path (ICE consent checks). */
  rttMs: number | null;
  /** What came back through the SFU per second, over the measuring window. */
  kbps: number | null;
  /** Why it failed, in English for the log; the page words it for people. */
  error: string | null;
}

export interface MediaPathCheckOptions {
  socket: SignallingSocket;
  device: Device;
  protocol: 'udp' | 'tcp';
  /** A live video track to send; the caller owns and stops it. */
  track: MediaStreamTrack;
  /** How long the path may take to connect (the server's no-media timeout). */
  connectTimeoutMs: number;
  measureMs?: number;
  requestTimeoutMs?: number | undefined;
}

const waitFor = async (check: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => window.setTimeout(resolve, 100));
  }
  return true;
};

/** Round trip of the selected ICE pair and bytes received so far, from one transport's stats. */
async function readStats(transport: types.Transport): Promise<{ rttMs: number | null; bytes: number }> {
  const stats = await transport.getStats();
  let rttMs: number | null = null;
  let bytes = 0;
  stats.forEach((report: Record<string, unknown>) => {
    if (report['type'] === 'candidate-pair' && report['nominated'] && typeof report['currentRoundTripTime'] === 'number') {
      rttMs = Math.round(report['currentRoundTripTime'] * 1000);
    }
    if (report['type'] === 'inbound-rtp') bytes += Number(report['bytesReceived'] ?? 0);
  });
  return { rttMs, bytes };
}

/**
 * Sends the track to the SFU over one protocol only and receives it back (the server consumes
 * it for the same socket), then measures round trip and received bit rate. Everything it opens
 * is closed before it resolves; it never rejects.
 */
export async function checkMediaPath(options: MediaPathCheckOptions): Promise<MediaPathResult> {
  const { socket, device, protocol, track, connectTimeoutMs, measureMs = 3_000, requestTimeoutMs } = options;
  const result: MediaPathResult = { protocol, ok: false, rttMs: null, kbps: null, error: null };
  let checkId: string | null = null;
  const transports: types.Transport[] = [];
  try {
    const started = await request(socket, 'startMediaCheck', { protocol, rtpCapabilities: fromRtpCapabilities(device.rtpCapabilities) }, requestTimeoutMs);
    const id = started.checkId;
    checkId = id;
    const send = device.createSendTransport(toTransportOptions(started.sendTransport));
    const recv = device.createRecvTransport(toTransportOptions(started.recvTransport));
    transports.push(send, recv);
    for (const transport of transports) {
      transport.on('connect', ({ dtlsParameters }, callback, errback) => {
        request(socket, 'connectMediaCheck', { checkId: id, transportId: transport.id, dtlsParameters: fromDtlsParameters(dtlsParameters) }, requestTimeoutMs).then(
          () => callback(),
          errback,
        );
      });
    }
    let looped: Awaited<ReturnType<typeof request<'produceMediaCheck'>>> | null = null;
    send.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      request(socket, 'produceMediaCheck', { checkId: id, transportId: send.id, kind, rtpParameters: fromRtpParameters(rtpParameters) }, requestTimeoutMs).then(
        (answer) => {
          looped = answer;
          callback({ id: answer.producerId });
        },
        errback,
      );
    });
    await send.produce({ track, stopTracks: false, encodings: [{ maxBitrate: 2_500_000 }] });
    const answer = looped as Awaited<ReturnType<typeof request<'produceMediaCheck'>>> | null;
    if (!answer) throw new Error('the server did not loop the track back');
    const consumer = await recv.consume({
      id: answer.consumer.consumerId,
      producerId: answer.consumer.producerId,
      kind: answer.consumer.kind,
      rtpParameters: toRtpParameters(answer.consumer.rtpParameters),
    });
    await request(socket, 'resumeMediaCheck', { checkId: id, consumerId: consumer.id }, requestTimeoutMs);
    const connected = await waitFor(() => send.connectionState === 'connected' && recv.connectionState === 'connected', connectTimeoutMs);
    if (!connected) throw new Error(`not connected in ${connectTimeoutMs} ms (${send.connectionState}/${recv.connectionState})`);
    const first = await readStats(recv);
    await new Promise((resolve) => window.setTimeout(resolve, measureMs));
    const last = await readStats(recv);
    result.rttMs = last.rttMs ?? first.rttMs;
    result.kbps = Math.round(((last.bytes - first.bytes) * 8) / measureMs);
    result.ok = last.bytes > first.bytes;
    if (!result.ok) result.error = 'connected, but nothing came back';
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    for (const transport of transports) transport.close();
    if (checkId) await request(socket, 'endMediaCheck', { checkId }, requestTimeoutMs).catch(() => undefined);
  }
  return result;
}
