import { randomInt } from 'node:crypto';

/** Six digits from the CSPRNG: a million codes per kiosk, and guessing is rate-limited. */
export function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Eight digits for pairing a kiosk; short-lived and single-use. */
export function newPairingCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}
