import type { QualitySummary } from '@madoguchi/contract/consultation';

/** One getStats() entry, read loosely: browsers differ in which fields they fill. */
export type StatsEntry = Record<string, unknown>;

/** Cumulative counters of both transports at one moment. */
export interface StatsSample {
  at: number;
  inBytes: number;
  inPacketsReceived: number;
  inPacketsLost: number;
  /** Round trip on the receiving transport's ICE pair, ms. */
  inRttMs: number | null;
  outBytes: number;
  outPacketsSent: number;
  /** What the kiosk's side reports lost (remote-inbound-rtp). */
  outPacketsLost: number;
  outRttMs: number | null;
  /** framesDecoded per received video track id. */
  framesDecoded: Record<string, number>;
}

/** The call's condition over one polling interval. */
export interface QualityReading {
  rttMs: number | null;
  inLossPercent: number | null;
  outLossPercent: number | null;
  inKbps: number | null;
  outKbps: number | null;
}

export type QualityLevel = 'good' | 'fair' | 'poor' | 'unknown';

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const optionalNum = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function selectedPairRttMs(entries: readonly StatsEntry[]): number | null {
  const pair =
    entries.find((e) => e['type'] === 'candidate-pair' && e['nominated'] === true && e['state'] === 'succeeded') ??
    entries.find((e) => e['type'] === 'candidate-pair' && e['state'] === 'succeeded');
  const seconds = pair ? optionalNum(pair['currentRoundTripTime']) : null;
  return seconds === null ? null : seconds * 1000;
}

/** Reads the counters the console needs from the two transports' stats. */
export function readSample(recv: Iterable<StatsEntry>, send: Iterable<StatsEntry>, at: number): StatsSample {
  const inbound = [...recv];
  const outbound = [...send];
  const sample: StatsSample = {
    at,
    inBytes: 0,
    inPacketsReceived: 0,
    inPacketsLost: 0,
    inRttMs: selectedPairRttMs(inbound),
    outBytes: 0,
    outPacketsSent: 0,
    outPacketsLost: 0,
    outRttMs: null,
    framesDecoded: {},
  };
  for (const entry of inbound) {
    if (entry['type'] !== 'inbound-rtp') continue;
    sample.inBytes += num(entry['bytesReceived']);
    sample.inPacketsReceived += num(entry['packetsReceived']);
    sample.inPacketsLost += Math.max(0, num(entry['packetsLost']));
    const trackId = entry['trackIdentifier'];
    if (entry['kind'] === 'video' && typeof trackId === 'string') sample.framesDecoded[trackId] = num(entry['framesDecoded']);
  }
  const remoteRtts: number[] = [];
  for (const entry of outbound) {
    if (entry['type'] === 'outbound-rtp') {
      sample.outBytes += num(entry['bytesSent']);
      sample.outPacketsSent += num(entry['packetsSent']);
    } else if (entry['type'] === 'remote-inbound-rtp') {
      sample.outPacketsLost += Math.max(0, num(entry['packetsLost']));
      const rtt = optionalNum(entry['roundTripTime']);
      if (rtt !== null) remoteRtts.push(rtt * 1000);
    }
  }
  sample.outRttMs = remoteRtts.length > 0 ? remoteRtts.reduce((a, b) => a + b, 0) / remoteRtts.length : selectedPairRttMs(outbound);
  return sample;
}

function lossPercent(lost: number, delivered: number): number | null {
  if (lost < 0 || delivered < 0 || lost + delivered === 0) return null;
  return (lost / (lost + delivered)) * 100;
}

function kbps(bytes: number, ms: number): number | null {
  return bytes < 0 || ms <= 0 ? null : (bytes * 8) / ms;
}

/** The condition between two samples; counters that went backwards (new transports) give null. */
export function readingBetween(prev: StatsSample, next: StatsSample): QualityReading {
  const ms = next.at - prev.at;
  const rtts = [next.inRttMs, next.outRttMs].filter((v): v is number => v !== null);
  return {
    rttMs: rtts.length > 0 ? Math.max(...rtts) : null,
    inLossPercent: lossPercent(next.inPacketsLost - prev.inPacketsLost, next.inPacketsReceived - prev.inPacketsReceived),
    outLossPercent: lossPercent(next.outPacketsLost - prev.outPacketsLost, next.outPacketsSent - prev.outPacketsSent),
    inKbps: kbps(next.inBytes - prev.inBytes, ms),
    outKbps: kbps(next.outBytes - prev.outBytes, ms),
  };
}

/** Good below 200 ms and 2 % loss; poor from 400 ms or 5 % loss. */
export function classifyQuality(reading: QualityReading | null): QualityLevel {
  if (!reading) return 'unknown';
  const losses = [reading.inLossPercent, reading.outLossPercent].filter((v): v is number => v !== null);
  if (reading.rttMs === null && losses.length === 0) return 'unknown';
  const rtt = reading.rttMs ?? 0;
  const loss = losses.length > 0 ? Math.max(...losses) : 0;
  if (rtt >= 400 || loss >= 5) return 'poor';
  if (rtt >= 200 || loss >= 2) return 'fair';
  return 'good';
}

/** True while a live video track decodes no new frames for longer than `limitMs`. */
export class FreezeWatch {
  private lastFrames = -1;
  private lastProgressAt = 0;
  private readonly limitMs: number;

  constructor(limitMs = 2000) {
    this.limitMs = limitMs;
  }

  update(framesDecoded: number | undefined, live: boolean, at: number): boolean {
    if (!live || framesDecoded === undefined) {
      this.lastFrames = -1;
      return false;
    }
    if (framesDecoded !== this.lastFrames) {
      this.lastFrames = framesDecoded;
      this.lastProgressAt = at;
      return false;
    }
    return at - this.lastProgressAt > this.limitMs;
  }
}

interface DirectionTotals {
  rttSum: number;
  rttCount: number;
  lost: number;
  delivered: number;
  kbpsSum: number;
  kbpsCount: number;
}

const emptyTotals = (): DirectionTotals => ({ rttSum: 0, rttCount: 0, lost: 0, delivered: 0, kbpsSum: 0, kbpsCount: 0 });

function clamp(value: number, max: number): number {
  return Math.round(Math.min(max, Math.max(0, value)) * 10) / 10;
}

function summarize(t: DirectionTotals): QualitySummary['kioskToStaff'] {
  return {
    meanRttMs: t.rttCount > 0 ? clamp(t.rttSum / t.rttCount, 60_000) : null,
    lossPercent: t.lost + t.delivered > 0 ? clamp((t.lost / (t.lost + t.delivered)) * 100, 100) : null,
    meanBitrateKbps: t.kbpsCount > 0 ? clamp(t.kbpsSum / t.kbpsCount, 1_000_000) : null,
  };
}

/** Collects samples over a call and gives the means the server stores (reportQuality). */
export class QualityAccumulator {
  private prev: StatsSample | null = null;
  private readonly kioskToStaff = emptyTotals();
  private readonly staffToKiosk = emptyTotals();
  private count = 0;

  /** Adds a sample; returns the reading since the previous one (null for the first). */
  add(sample: StatsSample): QualityReading | null {
    const prev = this.prev;
    this.prev = sample;
    if (!prev) return null;
    const reading = readingBetween(prev, sample);
    this.count += 1;
    this.addDirection(this.kioskToStaff, sample.inRttMs, sample.inPacketsLost - prev.inPacketsLost, sample.inPacketsReceived - prev.inPacketsReceived, reading.inKbps);
    this.addDirection(this.staffToKiosk, sample.outRttMs, sample.outPacketsLost - prev.outPacketsLost, sample.outPacketsSent - prev.outPacketsSent, reading.outKbps);
    return reading;
  }

  get readings(): number {
    return this.count;
  }

  summary(): QualitySummary {
    return { kioskToStaff: summarize(this.kioskToStaff), staffToKiosk: summarize(this.staffToKiosk) };
  }

  private addDirection(t: DirectionTotals, rtt: number | null, lost: number, delivered: number, rate: number | null): void {
    if (rtt !== null) {
      t.rttSum += rtt;
      t.rttCount += 1;
    }
    // Counters restart with new transports after a reconnect: skip that interval.
    if (lost >= 0 && delivered >= 0) {
      t.lost += lost;
      t.delivered += delivered;
    }
    if (rate !== null) {
      t.kbpsSum += rate;
      t.kbpsCount += 1;
    }
  }
}
