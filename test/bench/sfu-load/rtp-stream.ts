/**
 * One producer's RTP, replayed from a clip: frames become packets when they are due and leave
 * through a pacer at 2.5x the clip's bitrate, as a browser's pacer sends them. Without pacing a
 * key frame lands on the SFU's socket as one burst and the default UDP receive buffer (mediasoup
 * 3.12 cannot enlarge it) overflows: the bench would measure the buffer, not the SFU.
 */
import { randomInt } from 'node:crypto';
import type { MediaClip } from './media-clips';
import { SRTP_AUTH_TAG_LENGTH, type SrtpSession } from './srtp-session';

/** What a browser puts on the wire at most, SRTP tag included. */
const MAX_PACKET_BYTES = 1200;
const RTP_HEADER_BYTES = 12;
const VP8_DESCRIPTOR_BYTES = 4;
const PACING_FACTOR = 2.5;
/**
 * A frame due this long ago when the generator gets to it is skipped, as an encoder drops frames
 * when its machine is busy. Catching up instead would make every stream of the one generator
 * process burst at once after a stall, which independent browsers never do.
 */
const LATE_FRAME_MS = 50;

export interface RtpStreamOptions {
  clip: MediaClip;
  ssrc: number;
  payloadType: number;
  srtp: SrtpSession | undefined;
  send: (packet: Buffer) => void;
  startMs: number;
}

export class RtpStream {
  packetsSent = 0;
  /** Frames due so far: released plus skipped. */
  frames = 0;
  skippedFrames = 0;
  private readonly queue: Buffer[] = [];
  private queueHead = 0;
  private readonly bytesPerMs: number;
  private readonly burstBytes: number;
  private budget = 0;
  private lastPumpMs: number;
  private nextFrameMs: number;
  private nextClipFrame = 0;
  private readonly phase: number;
  private packetIndex = randomInt(0, 65_536);
  private readonly timestampBase = randomInt(0, 2 ** 32 - 1);
  private pictureId = randomInt(0, 32_768);

  constructor(private readonly options: RtpStreamOptions) {
    const { clip, startMs } = options;
    this.bytesPerMs = (clip.bitrate * PACING_FACTOR) / 8 / 1000;
    this.burstBytes = Math.max(MAX_PACKET_BYTES, this.bytesPerMs * 10);
    this.lastPumpMs = startMs;
    this.nextFrameMs = startMs;
    // Consultations must not send their key frames in step: after the clip's key frame (what a
    // browser sends when the SFU asks for one) each stream jumps to a random point of the clip.
    this.phase = randomInt(1, clip.frames.length);
  }

  pump(nowMs: number): void {
    const { clip } = this.options;
    while (this.nextFrameMs <= nowMs) {
      // The first frame, the clip's key frame, always goes out: consumers start on it.
      if (this.frames > 0 && nowMs - this.nextFrameMs > LATE_FRAME_MS) this.skippedFrames += 1;
      else this.release(clip.frames[this.nextClipFrame] ?? Buffer.alloc(0));
      this.frames += 1;
      this.nextClipFrame = this.frames === 1 ? this.phase : (this.nextClipFrame + 1) % clip.frames.length;
      this.nextFrameMs += clip.frameDurationMs;
    }
    this.budget = Math.min(this.burstBytes, this.budget + (nowMs - this.lastPumpMs) * this.bytesPerMs);
    this.lastPumpMs = nowMs;
    while (this.queueHead < this.queue.length && this.budget > 0) {
      const packet = this.queue[this.queueHead] as Buffer;
      this.queueHead += 1;
      this.budget -= packet.length;
      this.options.send(packet);
      this.packetsSent += 1;
    }
    if (this.queueHead === this.queue.length) {
      this.queue.length = 0;
      this.queueHead = 0;
    }
  }

  private release(frame: Buffer): void {
    const { clip, srtp, ssrc, payloadType } = this.options;
    const timestamp = (this.timestampBase + this.frames * clip.timestampStep) >>> 0;
    const tagBytes = srtp ? SRTP_AUTH_TAG_LENGTH : 0;
    const packets: Buffer[] = [];
    const indexes: number[] = [];
    const pieces = clip.kind === 'video' ? splitCount(frame.length) : 1;
    const pieceBytes = Math.ceil(frame.length / pieces);
    const descriptorBytes = clip.kind === 'video' ? VP8_DESCRIPTOR_BYTES : 0;
    for (let i = 0; i < pieces; i += 1) {
      const piece = frame.subarray(i * pieceBytes, Math.min(frame.length, (i + 1) * pieceBytes));
      const packet = Buffer.allocUnsafe(RTP_HEADER_BYTES + descriptorBytes + piece.length + tagBytes);
      const last = i === pieces - 1;
      packet[0] = 0x80;
      packet[1] = (clip.kind === 'video' && last ? 0x80 : 0) | payloadType;
      packet.writeUInt16BE(this.packetIndex & 0xffff, 2);
      packet.writeUInt32BE(timestamp, 4);
      packet.writeUInt32BE(ssrc, 8);
      if (descriptorBytes) {
        // VP8 payload descriptor: X, S on a frame's first packet, partition 0; I with a 15-bit picture ID.
        packet[12] = 0x80 | (i === 0 ? 0x10 : 0);
        packet[13] = 0x80;
        packet.writeUInt16BE(0x8000 | this.pictureId, 14);
      }
      piece.copy(packet, RTP_HEADER_BYTES + descriptorBytes);
      packets.push(packet);
      indexes.push(this.packetIndex);
      this.packetIndex += 1;
    }
    if (clip.kind === 'video') this.pictureId = (this.pictureId + 1) & 0x7fff;
    if (srtp) srtp.protect(packets, indexes);
    for (const packet of packets) this.queue.push(packet);
  }
}

function splitCount(frameBytes: number): number {
  const room = MAX_PACKET_BYTES - RTP_HEADER_BYTES - VP8_DESCRIPTOR_BYTES - SRTP_AUTH_TAG_LENGTH;
  return Math.max(1, Math.ceil(frameBytes / room));
}
