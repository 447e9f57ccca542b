/**
 * Where the consumers' RTP ends: per receiving peer a UDP socket that counts packets per SSRC
 * and follows the extended sequence number, so loss is the sequence gaps. With SRTP it
 * unprotects (tag check, decryption) one packet in `unprotectEvery` per SSRC: the counting needs
 * only the clear header, and unprotecting every packet in Node would cost the bench's core more
 * than the generator does, making the sink the limit instead of the SFU.
 */
import type { Socket } from 'node:dgram';
import type { SrtpSession } from './srtp-session';

interface SsrcCounter {
  received: number;
  /** Extended (rollover counter * 65536 + sequence) numbers; -1 before the first packet. */
  firstExtended: number;
  highestExtended: number;
}

export interface SinkSnapshot {
  /** RTP packets counted, all SSRCs. */
  received: number;
  perSsrc: Map<number, { received: number; firstExtended: number; highestExtended: number }>;
  rtcp: number;
  /** Packets unprotected, and those whose SRTP tag did not match. */
  unprotected: number;
  authFailures: number;
  unknown: number;
}

export interface SinkWindow {
  received: number;
  expected: number;
  lost: number;
  /** SSRCs that got nothing in the window. */
  silent: number;
}

export class RtpSink {
  private readonly counters = new Map<number, SsrcCounter>();
  private rtcp = 0;
  private unprotected = 0;
  private authFailures = 0;
  private unknown = 0;

  constructor(private readonly unprotectEvery = 1) {}

  /** Starts counting what arrives on `socket` for these consumer SSRCs. */
  attach(socket: Socket, ssrcs: number[], srtp: SrtpSession | undefined): void {
    const local = new Map<number, SsrcCounter>();
    for (const ssrc of ssrcs) {
      const counter = { received: 0, firstExtended: -1, highestExtended: -1 };
      local.set(ssrc, counter);
      this.counters.set(ssrc, counter);
    }
    socket.on('message', (packet: Buffer) => this.onPacket(packet, local, srtp));
  }

  snapshot(): SinkSnapshot {
    const perSsrc = new Map<number, { received: number; firstExtended: number; highestExtended: number }>();
    let received = 0;
    for (const [ssrc, counter] of this.counters) {
      perSsrc.set(ssrc, { ...counter });
      received += counter.received;
    }
    const { rtcp, unprotected, authFailures, unknown } = this;
    return { received, perSsrc, rtcp, unprotected, authFailures, unknown };
  }

  /** Packets received and expected (from the sequence numbers) between two snapshots. */
  static window(before: SinkSnapshot, after: SinkSnapshot): SinkWindow {
    let received = 0;
    let expected = 0;
    let silent = 0;
    for (const [ssrc, end] of after.perSsrc) {
      const start = before.perSsrc.get(ssrc);
      const started = start && start.highestExtended >= 0;
      const gotPackets = end.received - (start?.received ?? 0);
      if (gotPackets === 0) silent += 1;
      if (end.highestExtended < 0) continue;
      received += gotPackets;
      expected += started ? end.highestExtended - start.highestExtended : end.highestExtended - end.firstExtended + 1;
    }
    return { received, expected, lost: Math.max(0, expected - received), silent };
  }

  private onPacket(packet: Buffer, counters: Map<number, SsrcCounter>, srtp: SrtpSession | undefined): void {
    if (packet.length < 12) return;
    const second = packet[1] ?? 0;
    // RFC 5761: packet types 192-223 in the second byte are RTCP (the SFU's sender reports).
    if (second >= 192 && second <= 223) {
      this.rtcp += 1;
      return;
    }
    const counter = counters.get(packet.readUInt32BE(8));
    if (!counter) {
      this.unknown += 1;
      return;
    }
    const extended = extend(counter.highestExtended, packet.readUInt16BE(2));
    if (srtp && counter.received % this.unprotectEvery === 0) {
      this.unprotected += 1;
      if (!srtp.unprotect(packet, extended)) {
        this.authFailures += 1;
        return;
      }
    }
    counter.received += 1;
    if (counter.firstExtended < 0) counter.firstExtended = extended;
    if (extended > counter.highestExtended) counter.highestExtended = extended;
  }
}

/** RFC 3711 appendix A: the extended number closest to the highest one seen so far. */
function extend(highest: number, sequence: number): number {
  if (highest < 0) return sequence;
  let candidate = highest - (highest % 65_536) + sequence;
  if (candidate - highest > 32_768) candidate -= 65_536;
  else if (highest - candidate > 32_768) candidate += 65_536;
  return Math.max(0, candidate);
}
