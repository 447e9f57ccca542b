/**
 * N synthetic consultations running at once on one rig: per peer a generator socket (its RTP
 * streams, paced) and a sink socket, wired to the SFU by the rig, driven by one timer loop.
 */
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import type { BenchPeer as PeerRole } from './consultation-shape';
import type { ConsultationRig, PeerEndpoints } from './consultation-rig';
import { OPUS_PAYLOAD_TYPE, PEER_ROLES, VP8_PAYLOAD_TYPE } from './consultation-shape';
import type { ClipName, MediaClip } from './media-clips';
import { RtpSink } from './rtp-sink';
import { RtpStream } from './rtp-stream';
import { SrtpSession } from './srtp-session';

const LOCALHOST = '127.0.0.1';
const TICK_MS = 2;
/** Streams start spread over this long, so their first key frames do not arrive together. */
const START_SPREAD_MS = 1000;
/** The most Linux grants without privileges here (net.core.rmem_max); the sink must not drop. */
const SINK_RECEIVE_BUFFER = 4 * 1024 * 1024;

export interface ConsultationLoadOptions {
  rig: ConsultationRig;
  consultations: number;
  clips: Record<ClipName, MediaClip>;
  srtp: boolean;
  /** The sink unprotects one packet in this many per SSRC (it counts them all). */
  sinkUnprotectEvery: number;
}

export interface GeneratorSnapshot {
  packetsSent: number;
  frames: number;
  skippedFrames: number;
}

export class ConsultationLoad {
  readonly sink: RtpSink;
  /** The SFU's send-transport ports: where loss at the SFU's input shows up. */
  readonly sfuInputPorts: number[] = [];
  readonly sinkPorts: number[] = [];
  private readonly streams: RtpStream[] = [];
  private readonly sockets: Socket[] = [];
  private readonly pending: { startOffsetMs: number; build: (startMs: number) => RtpStream }[] = [];
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: ConsultationLoadOptions) {
    this.sink = new RtpSink(options.sinkUnprotectEvery);
  }

  /** Opens the sockets and the consultations; nothing is sent until start(). */
  static async open(options: ConsultationLoadOptions): Promise<ConsultationLoad> {
    const load = new ConsultationLoad(options);
    try {
      for (let index = 0; index < options.consultations; index += 1) await load.openConsultation(index);
    } catch (error) {
      await load.close();
      throw error;
    }
    return load;
  }

  start(): void {
    const now = performance.now();
    for (const { build, startOffsetMs } of this.pending) this.streams.push(build(now + startOffsetMs));
    this.pending.length = 0;
    const tick = (): void => {
      const at = performance.now();
      for (const stream of this.streams) stream.pump(at);
      this.timer = setTimeout(tick, TICK_MS);
    };
    tick();
  }

  generatorSnapshot(): GeneratorSnapshot {
    const snapshot = { packetsSent: 0, frames: 0, skippedFrames: 0 };
    for (const stream of this.streams) {
      snapshot.packetsSent += stream.packetsSent;
      snapshot.frames += stream.frames;
      snapshot.skippedFrames += stream.skippedFrames;
    }
    return snapshot;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.options.rig.closeConsultations();
    for (const socket of this.sockets) socket.close();
  }

  private async openConsultation(index: number): Promise<void> {
    const { rig, srtp, clips } = this.options;
    const generators = {} as Record<PeerRole, Socket>;
    const sinks = {} as Record<PeerRole, Socket>;
    const endpoints = {} as Record<PeerRole, PeerEndpoints>;
    for (const role of PEER_ROLES) {
      // The SFU's RTCP (receiver reports, NACK, PLI) comes back here and is dropped: the clips
      // have no retransmissions or key frames on demand to give.
      generators[role] = await this.bind(createSocket('udp4'));
      sinks[role] = await this.bind(createSocket({ type: 'udp4', recvBufferSize: SINK_RECEIVE_BUFFER }));
      endpoints[role] = {
        generatorPort: generators[role].address().port,
        sinkPort: sinks[role].address().port,
        generatorKey: srtp ? SrtpSession.generateKeyBase64() : undefined,
        sinkKey: srtp ? SrtpSession.generateKeyBase64() : undefined,
      };
      this.sinkPorts.push(endpoints[role].sinkPort);
    }
    const wired = await rig.openConsultation(index, endpoints);
    for (const role of PEER_ROLES) {
      const { sendPort, recvKey } = wired.peers[role];
      this.sfuInputPorts.push(sendPort);
      // Connected: no address lookup per send, and only the SFU's RTCP comes back.
      generators[role].connect(sendPort, LOCALHOST);
      await once(generators[role], 'connect');
      const received = wired.streams.filter((stream) => stream.spec.peer !== role).map((stream) => stream.consumerSsrc);
      this.sink.attach(sinks[role], received, recvKey ? SrtpSession.fromKeyBase64(recvKey) : undefined);
    }
    // One SRTP session per transport, as a browser has; a peer's streams share its keys.
    const senderSrtp = (role: PeerRole): SrtpSession | undefined => {
      const key = endpoints[role].generatorKey;
      return key ? SrtpSession.fromKeyBase64(key) : undefined;
    };
    const srtpByPeer = { kiosk: senderSrtp('kiosk'), staff: senderSrtp('staff') };
    for (const { spec, producerSsrc } of wired.streams) {
      const socket = generators[spec.peer];
      const clip = clips[spec.clip];
      this.pending.push({
        startOffsetMs: Math.random() * START_SPREAD_MS,
        build: (startMs) =>
          new RtpStream({
            clip,
            ssrc: producerSsrc,
            payloadType: clip.kind === 'audio' ? OPUS_PAYLOAD_TYPE : VP8_PAYLOAD_TYPE,
            srtp: srtpByPeer[spec.peer],
            send: (packet) => socket.send(packet),
            startMs,
          }),
      });
    }
  }

  private async bind(socket: Socket): Promise<Socket> {
    this.sockets.push(socket);
    socket.bind(0, LOCALHOST);
    await once(socket, 'listening');
    return socket;
  }
}
