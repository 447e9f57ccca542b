/** Judging, tabulating and comparing the steps of the bench:sfu sweep. */
import type { StepResult } from './load-step';

export const MAX_LOSS_PERCENT = 1;
/** Past this share of skipped frames the generator, not the SFU, is the limit. */
const MAX_SKIPPED_PERCENT = 1;

/** Why a step ends the sweep of its variant; 'ok' lets it go on. */
export type Verdict = 'ok' | 'loss' | 'silent consumers' | 'generator behind' | 'SRTP check failed';

export function verdictOf(result: StepResult): Verdict {
  if (result.authFailures > 0) return 'SRTP check failed';
  if (result.generatorSkippedPercent > MAX_SKIPPED_PERCENT) return 'generator behind';
  // A consumer that got nothing in the window lost its key frame: its loss is invisible to the
  // sequence numbers, but the consultation would show a frozen picture.
  if (result.silentConsumers > 0) return 'silent consumers';
  if (result.lossPercent > MAX_LOSS_PERCENT) return 'loss';
  return 'ok';
}

export const TABLE_HEADER = [
  '| variant | consultations | setup s | forwarded pkt/s | pkt per worker CPU-s | loss % | worker CPU % | others on worker core % | bench CPU % | others on bench core % | drops SFU in / sink | verdict |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];

export function tableRow(result: StepResult, verdict: Verdict): string {
  const int = (value: number): string => Math.round(value).toLocaleString('en');
  const skipped = result.generatorSkippedPercent > 0 ? `, generator skipped ${result.generatorSkippedPercent.toFixed(1)} % of frames` : '';
  return [
    '',
    result.variant,
    result.consultations,
    (result.setupMs / 1000).toFixed(1),
    int(result.forwardedPerSecond),
    int(result.forwardedPerWorkerCpuSecond),
    result.lossPercent.toFixed(2),
    result.workerCpuPercent.toFixed(0),
    percent(result.othersOnWorkerCorePercent),
    result.benchCpuPercent.toFixed(0),
    percent(result.othersOnBenchCorePercent),
    `${result.sfuInputDrops} / ${result.sinkDrops}`,
    `${verdict}${skipped}${result.repeated ? ' (run again)' : ''}`,
    '',
  ]
    .join(' | ')
    .trim();
}

const percent = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(0));

export interface VariantSummary {
  /** Most consultations of a step that passed; 0 when none did. */
  maxConsultations: number;
  /** True when the sweep stopped this variant on a failing step (not on time or steps). */
  limitFound: boolean;
  /** Forwarded packets per worker CPU-second over the steps both variants passed. */
  packetsPerCpuSecond: number;
}

export interface SweepSummary {
  ours: VariantSummary;
  bare: VariantSummary;
  /** Consultation counts both variants passed: the steps the efficiency ratio is taken over. */
  commonConsultations: number[];
  efficiencyRatio: number;
  maxConsultationsRatio: number;
}

export function summarizeSweep(all: StepResult[]): SweepSummary {
  const results = all.filter((result) => !result.repeated);
  const passed = (variant: 'ours' | 'bare'): StepResult[] =>
    results.filter((result) => result.variant === variant && verdictOf(result) === 'ok');
  const oursPassed = passed('ours');
  const barePassed = passed('bare');
  const commonConsultations = oursPassed
    .map((result) => result.consultations)
    .filter((consultations) => barePassed.some((result) => result.consultations === consultations));
  const variant = (name: 'ours' | 'bare', ok: StepResult[]): VariantSummary => {
    const common = ok.filter((result) => commonConsultations.includes(result.consultations));
    const packets = common.reduce((sum, result) => sum + result.forwardedPackets, 0);
    const cpu = common.reduce((sum, result) => sum + result.workerCpuSeconds, 0);
    return {
      maxConsultations: Math.max(0, ...ok.map((result) => result.consultations)),
      limitFound: results.some((result) => result.variant === name && verdictOf(result) !== 'ok'),
      packetsPerCpuSecond: cpu > 0 ? packets / cpu : 0,
    };
  };
  const ours = variant('ours', oursPassed);
  const bare = variant('bare', barePassed);
  return {
    ours,
    bare,
    commonConsultations,
    efficiencyRatio: bare.packetsPerCpuSecond > 0 ? ours.packetsPerCpuSecond / bare.packetsPerCpuSecond : NaN,
    maxConsultationsRatio: bare.maxConsultations > 0 ? ours.maxConsultations / bare.maxConsultations : NaN,
  };
}

/** "45" when a failing step bounded it, "≥ 160" when the sweep ran out of steps or time first. */
export function maxConsultationsText(summary: VariantSummary): string {
  return summary.limitFound ? String(summary.maxConsultations) : `≥ ${summary.maxConsultations}`;
}
