import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FreezeWatch,
  QualityAccumulator,
  classifyQuality,
  readSample,
  readingBetween,
} from '../../../../client/src/features/consultations/quality-stats';
import type { StatsEntry } from '../../../../client/src/features/consultations/quality-stats';
import { QualitySummary } from '@madoguchi/contract/consultation';

function recv(bytes: number, received: number, lost: number, frames: number, rttSeconds = 0.05): StatsEntry[] {
  return [
    { type: 'inbound-rtp', kind: 'video', trackIdentifier: 'face', bytesReceived: bytes, packetsReceived: received, packetsLost: lost, framesDecoded: frames },
    { type: 'inbound-rtp', kind: 'audio', bytesReceived: 0, packetsReceived: 0, packetsLost: 0 },
    { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: rttSeconds },
  ];
}

function send(bytes: number, sent: number, remoteLost: number, rttSeconds = 0.08): StatsEntry[] {
  return [
    { type: 'outbound-rtp', kind: 'video', bytesSent: bytes, packetsSent: sent },
    { type: 'remote-inbound-rtp', kind: 'video', packetsLost: remoteLost, roundTripTime: rttSeconds },
  ];
}

describe('call quality from getStats', () => {
  it('readSample() sums inbound and outbound counters and keeps frames per track', () => {
    const sample = readSample(recv(1000, 10, 1, 30), send(2000, 20, 2), 5);
    assert.equal(sample.inBytes, 1000);
    assert.equal(sample.inPacketsReceived, 10);
    assert.equal(sample.inPacketsLost, 1);
    assert.equal(sample.inRttMs, 50);
    assert.equal(sample.outBytes, 2000);
    assert.equal(sample.outPacketsLost, 2);
    assert.equal(sample.outRttMs, 80);
    assert.deepEqual(sample.framesDecoded, { face: 30 });
  });

  it('readingBetween() gives bitrates and loss over the interval', () => {
    const a = readSample(recv(0, 0, 0, 0), send(0, 0, 0), 0);
    const b = readSample(recv(250_000, 990, 10, 60), send(125_000, 500, 0), 2000);
    const reading = readingBetween(a, b);
    assert.equal(reading.inKbps, 1000);
    assert.equal(reading.outKbps, 500);
    assert.equal(reading.inLossPercent, 1);
    assert.equal(reading.outLossPercent, 0);
    assert.equal(reading.rttMs, 80);
  });

  it('classifyQuality() grades by the worse of round trip and loss', () => {
    const base = { rttMs: 50, inLossPercent: 0, outLossPercent: 0, inKbps: 1000, outKbps: 1000 };
    assert.equal(classifyQuality(base), 'good');
    assert.equal(classifyQuality({ ...base, rttMs: 250 }), 'fair');
    assert.equal(classifyQuality({ ...base, outLossPercent: 3 }), 'fair');
    assert.equal(classifyQuality({ ...base, inLossPercent: 8 }), 'poor');
    assert.equal(classifyQuality({ ...base, rttMs: 500 }), 'poor');
    assert.equal(classifyQuality(null), 'unknown');
    assert.equal(classifyQuality({ rttMs: null, inLossPercent: null, outLossPercent: null, inKbps: null, outKbps: null }), 'unknown');
  });

  it('QualityAccumulator reports the means of the call in the contract shape', () => {
    const acc = new QualityAccumulator();
    assert.equal(acc.add(readSample(recv(0, 0, 0, 0, 0.04), send(0, 0, 0, 0.06), 0)), null);
    acc.add(readSample(recv(250_000, 100, 0, 60, 0.04), send(250_000, 100, 0, 0.06), 2000));
    acc.add(readSample(recv(750_000, 190, 10, 120, 0.06), send(500_000, 200, 0, 0.1), 4000));
    const summary = acc.summary();
    assert.deepEqual(summary.kioskToStaff, { meanRttMs: 50, lossPercent: 5, meanBitrateKbps: 1500 });
    assert.deepEqual(summary.staffToKiosk, { meanRttMs: 80, lossPercent: 0, meanBitrateKbps: 1000 });
    assert.ok(QualitySummary.safeParse(summary).success, 'the server accepts it');
  });

  it('QualityAccumulator skips an interval whose counters went backwards (new transports)', () => {
    const acc = new QualityAccumulator();
    acc.add(readSample(recv(1_000_000, 1000, 0, 0), send(0, 0, 0), 0));
    acc.add(readSample(recv(1000, 10, 0, 0), send(0, 0, 0), 2000));
    const summary = acc.summary();
    assert.equal(summary.kioskToStaff.meanBitrateKbps, null);
    assert.equal(summary.kioskToStaff.lossPercent, null);
    assert.ok(QualitySummary.safeParse(summary).success);
  });

  it('an empty call still gives a valid summary of nulls', () => {
    const summary = new QualityAccumulator().summary();
    assert.deepEqual(summary.kioskToStaff, { meanRttMs: null, lossPercent: null, meanBitrateKbps: null });
    assert.ok(QualitySummary.safeParse(summary).success);
  });

  it('FreezeWatch warns after 2 s without new frames on a live track only', () => {
    const watch = new FreezeWatch(2000);
    assert.equal(watch.update(10, true, 0), false);
    assert.equal(watch.update(10, true, 1500), false);
    assert.equal(watch.update(10, true, 2500), true);
    assert.equal(watch.update(11, true, 3000), false);
    assert.equal(watch.update(11, false, 9000), false, 'an ended track is not frozen');
    assert.equal(watch.update(undefined, true, 9500), false);
  });
});
