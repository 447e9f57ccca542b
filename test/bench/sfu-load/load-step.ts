/**
 * One step of the sweep: open N consultations on a rig, let them settle, measure a window,
 * tear them down. Everything per step is a delta over the window only.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ConsultationLoad } from './consultation-load';
import type { ConsultationRig } from './consultation-rig';
import type { ClipName, MediaClip } from './media-clips';
import { coreBusyPercent, readCoreTimes, type CoreTimes } from './core-usage';
import { RtpSink } from './rtp-sink';
import { dropsBetween, readUdpDrops } from './udp-drops';

export interface StepOptions {
  rig: ConsultationRig;
  consultations: number;
  clips: Record<ClipName, MediaClip>;
  srtp: boolean;
  sinkUnprotectEvery: number;
  settleMs: number;
  windowMs: number;
  /** The cores the worker and this process are pinned to, if they are. */
  cores?: { worker: number; bench: number };
}

export interface StepResult {
  variant: 'ours' | 'bare';
  consultations: number;
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
  /** Packets the sink unprotected, and how many of them failed the SRTP check. */
  unprotectedPackets: number;
  authFailures: number;
  /** RTP packets the generator sent per second. */
  generatorSentPerSecond: number;
  /** Share of the frames due in the window that the generator skipped because it ran late. */
  generatorSkippedPercent: number;
  /** CPU of this process (generator, sink, control) over the window, % of one core. */
  benchCpuPercent: number;
  /** What other processes took of the worker's core and of the bench's core, % (NaN unpinned). */
  othersOnWorkerCorePercent: number;
  othersOnBenchCorePercent: number;
  /** Set on a failing step that was run again; the repeat's verdict is the one that counts. */
  repeated?: boolean;
}

interface Snapshot {
  at: number;
  workerCpuMs: number;
  processCpuUs: number;
  drops: Map<number, number>;
  cores: Map<number, CoreTimes>;
  sink: ReturnType<RtpSink['snapshot']>;
  generator: ReturnType<ConsultationLoad['generatorSnapshot']>;
}

export async function runStep(options: StepOptions): Promise<StepResult> {
  const { rig, settleMs, windowMs } = options;
  const setupStart = performance.now();
  const load = await ConsultationLoad.open(options);
  const setupMs = performance.now() - setupStart;
  try {
    load.start();
    await sleep(settleMs);
    const before = await snapshot(rig, load);
    await sleep(windowMs);
    const after = await snapshot(rig, load);
    return summarize({ ...options, setupMs, load, before, after });
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
    cores: readCoreTimes(),
    sink: load.sink.snapshot(),
    generator: load.generatorSnapshot(),
  };
}

function summarize(input: StepOptions & { setupMs: number; load: ConsultationLoad; before: Snapshot; after: Snapshot }): StepResult {
  const { rig, consultations, setupMs, load, before, after, cores } = input;
  const seconds = (after.at - before.at) / 1000;
  const window = RtpSink.window(before.sink, after.sink);
  const workerCpuSeconds = (after.workerCpuMs - before.workerCpuMs) / 1000;
  const benchCpuPercent = ((after.processCpuUs - before.processCpuUs) / 1e6 / seconds) * 100;
  const workerCpuPercent = (workerCpuSeconds / seconds) * 100;
  const others = (core: number | undefined, own: number): number =>
    core === undefined ? NaN : Math.max(0, coreBusyPercent(before.cores, after.cores, core) - own);
  return {
    variant: rig.name,
    consultations,
    setupMs,
    windowMs: after.at - before.at,
    forwardedPackets: window.received,
    workerCpuSeconds,
    forwardedPerSecond: window.received / seconds,
    forwardedPerWorkerCpuSecond: workerCpuSeconds > 0 ? window.received / workerCpuSeconds : 0,
    workerCpuPercent,
    lossPercent: window.expected > 0 ? (window.lost / window.expected) * 100 : 100,
    sfuInputDrops: dropsBetween(before.drops, after.drops, load.sfuInputPorts),
    sinkDrops: dropsBetween(before.drops, after.drops, load.sinkPorts),
    silentConsumers: window.silent,
    unprotectedPackets: after.sink.unprotected - before.sink.unprotected,
    authFailures: after.sink.authFailures - before.sink.authFailures,
    generatorSentPerSecond: (after.generator.packetsSent - before.generator.packetsSent) / seconds,
    generatorSkippedPercent:
      (100 * (after.generator.skippedFrames - before.generator.skippedFrames)) /
      Math.max(1, after.generator.frames - before.generator.frames),
    benchCpuPercent,
    othersOnWorkerCorePercent: others(cores?.worker, workerCpuPercent),
    othersOnBenchCorePercent: others(cores?.bench, benchCpuPercent),
  };
}
