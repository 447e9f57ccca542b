/**
 * One step of the sweep: open N consultations on a rig, let them settle, measure a window,
 * tear them down. Everything per step is a delta over the window only.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ConsultationLoad } from './consultation-load';
import type { ConsultationRig } from './consultation-rig';
import type { ClipName, MediaClip } from './media-clips';
import { RtpSink } from './rtp-sink';
import { dropsBetween, readUdpDrops } from './udp-drops';

export interface StepOptions {
  rig: ConsultationRig;
  sessions: number;
  clips: Record<ClipName, MediaClip>;
  srtp: boolean;
  settleMs: number;
  windowMs: number;
}

export interface StepResult {
  variant: 'ours' | 'bare';
  sessions: number;
  setupMs: number;
  windowMs: number;
  /** RTP packets the sink received in the window, and the worker's CPU time over it. */
  forwardedPackets: number;
  workerCpuSeconds: number;
  /** RTP packets the sink received per second (what the SFU forwarded and got through). */
  forwardedPerSecond: number;
  forwardedPerWorkerCpuSecond: number;
  workerCpuPercent: number;
  /** Sequence gaps over expected packets, all consumers. */
  lossPercent: number;
  /** Datagrams the kernel dropped at the SFU's input sockets / at the sink's sockets. */
  sfuInputDrops: number;
  sinkDrops: number;
  /** Consumers that received nothing in the window. */
  silentConsumers: number;
  authFailures: number;
  generatorSentPerSecond: number;
  generatorExpectedPerSecond: number;
  generatorLateFrames: number;
  /** CPU of this process (generator, sink, control) over the window, % of one core. */
  benchCpuPercent: number;
}

interface Snapshot {
  at: number;
  workerCpuMs: number;
  processCpuUs: number;
  drops: Map<number, number>;
  sink: ReturnType<RtpSink['snapshot']>;
  generator: ReturnType<ConsultationLoad['generatorSnapshot']>;
}

export async function runStep({ rig, sessions, clips, srtp, settleMs, windowMs }: StepOptions): Promise<StepResult> {
  const setupStart = performance.now();
  const load = await ConsultationLoad.open({ rig, sessions, clips, srtp });
  const setupMs = performance.now() - setupStart;
  try {
    load.start();
    await sleep(settleMs);
    const before = await snapshot(rig, load);
    await sleep(windowMs);
    const after = await snapshot(rig, load);
    return summarize({ rig, sessions, setupMs, load, before, after });
  } finally {
    await load.close();
  }
}

async function snapshot(rig: ConsultationRig, load: ConsultationLoad): Promise<Snapshot> {
  const { cpuMs } = await rig.workerUsage();
  const cpu = process.cpuUsage();
  return {
    at: performance.now(),
    workerCpuMs: cpuMs,
    processCpuUs: cpu.user + cpu.system,
    drops: readUdpDrops(),
    sink: load.sink.snapshot(),
    generator: load.generatorSnapshot(),
  };
}

function summarize(input: {
  rig: ConsultationRig;
  sessions: number;
  setupMs: number;
  load: ConsultationLoad;
  before: Snapshot;
  after: Snapshot;
}): StepResult {
  const { rig, sessions, setupMs, load, before, after } = input;
  const seconds = (after.at - before.at) / 1000;
  const window = RtpSink.window(before.sink, after.sink);
  const workerCpuSeconds = (after.workerCpuMs - before.workerCpuMs) / 1000;
  return {
    variant: rig.name,
    sessions,
    setupMs,
    windowMs: after.at - before.at,
    forwardedPackets: window.received,
    workerCpuSeconds,
    forwardedPerSecond: window.received / seconds,
    forwardedPerWorkerCpuSecond: workerCpuSeconds > 0 ? window.received / workerCpuSeconds : 0,
    workerCpuPercent: (workerCpuSeconds / seconds) * 100,
    lossPercent: window.expected > 0 ? (window.lost / window.expected) * 100 : 100,
    sfuInputDrops: dropsBetween(before.drops, after.drops, load.sfuInputPorts),
    sinkDrops: dropsBetween(before.drops, after.drops, load.sinkPorts),
    silentConsumers: window.silent,
    authFailures: after.sink.authFailures - before.sink.authFailures,
    generatorSentPerSecond: (after.generator.packetsSent - before.generator.packetsSent) / seconds,
    generatorExpectedPerSecond: load.expectedPacketsPerSecond,
    generatorLateFrames: after.generator.lateFrames - before.generator.lateFrames,
    benchCpuPercent: ((after.processCpuUs - before.processCpuUs) / 1e6 / seconds) * 100,
  };
}
