import type { FaultKind, KioskState } from './kiosk-state';

export interface KioskTimings {
  /** How long the thank-you screen stays. */
  endedDisplayMs: number;
  /** How long a temporary fault stays before Idle returns. */
  faultDisplayMs: number;
  /** Nobody touched the waiting screen for this long: ask 「続けますか？」 (no answer: leave the queue). */
  maxWaitMs: number;
  /** Retry a failed connection after this long. */
  reconnectDelayMs: number;
  /** Nobody touched a choosing, typing or waiting screen for this long: ask 「続けますか？」. */
  inactivityMs: number;
  /** How long 「続けますか？」 counts down before the kiosk returns to Idle. */
  idleWarningMs: number;
  /** The survey skips itself after this long. */
  surveyMs: number;
  /** How long 「ただいま映像がつながりません」 stays, with its buttons, before Idle returns. */
  mediaFailedDisplayMs: number;
  /** While waiting, a calm 「お待たせしています」 with the place in the queue this often. */
  reassureMs: number;
}

export const DEFAULT_TIMINGS: Readonly<KioskTimings> = Object.freeze({
  endedDisplayMs: 6_000,
  faultDisplayMs: 8_000,
  maxWaitMs: 15 * 60_000,
  reconnectDelayMs: 5_000,
  // Long enough to find a slip in a bag, short enough that a half-typed code does not wait for the
  // next person; the warning adds another 20 s (WCAG 2.2.1 asks for at least 20).
  inactivityMs: 60_000,
  idleWarningMs: 20_000,
  surveyMs: 30_000,
  mediaFailedDisplayMs: 60_000,
  reassureMs: 60_000,
});

const TEMPORARY_FAULTS: ReadonlySet<FaultKind> = new Set(['callFailed', 'noAnswer', 'unexpected']);

/**
 * How long a state may last before the kiosk moves on by itself; null: as long as it takes.
 * Inactivity on the choosing screens and a long wait for a specialist are not here: both warn
 * first (IdleWatch), so a resident still waiting is never sent away unasked.
 */
export function stateTimeoutMs(state: KioskState, timings: KioskTimings): number | null {
  if (state.name === 'survey') return timings.surveyMs;
  if (state.name === 'ended') return timings.endedDisplayMs;
  if (state.name === 'mediaFailed') return timings.mediaFailedDisplayMs;
  if (state.name === 'fault' && TEMPORARY_FAULTS.has(state.fault)) return timings.faultDisplayMs;
  return null;
}
