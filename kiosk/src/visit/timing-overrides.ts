import type { KioskTimings } from './state-timeouts';

/**
 * Tests (and an installer trying the kiosk out) shorten the kiosk's timers without a new
 * build: localStorage `madoguchi.kiosk.timings` = `{"inactivityMs":3000,"idleWarningMs":5000}`.
 * Unknown keys and values that are not positive numbers are ignored.
 */
export const TIMINGS_STORAGE_KEY = 'madoguchi.kiosk.timings';

const KEYS: readonly (keyof KioskTimings)[] = [
  'endedDisplayMs',
  'faultDisplayMs',
  'maxWaitMs',
  'reconnectDelayMs',
  'inactivityMs',
  'idleWarningMs',
  'surveyMs',
  'reassureMs',
];

export function parseTimingOverrides(raw: string | null): Partial<KioskTimings> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const overrides: Partial<KioskTimings> = {};
  for (const key of KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) overrides[key] = value;
  }
  return overrides;
}

export function readTimingOverrides(): Partial<KioskTimings> {
  try {
    return parseTimingOverrides(localStorage.getItem(TIMINGS_STORAGE_KEY));
  } catch {
    return {};
  }
}
