import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BookingChallenge } from '@madoguchi/contract/booking';

export interface ProofOfWorkOptions {
  /** Signs challenges so that nobody can make their own. */
  secret: string;
  /** Leading zero bits asked for: 16 is about 65,000 hashes, well under a second on a phone. */
  bits: number;
  ttlMs: number;
  now: () => Date;
}

/** Why a solution was refused. */
export type ProofRefusal = 'malformed' | 'forged' | 'expired' | 'wrong';

/**
 * An offline stand-in for a CAPTCHA: the page must burn some CPU per booking, which costs a
 * resident nothing noticeable and a script booking thousands of times a lot. Challenges are
 * stateless (signed), and single-use through the caller's spent list.
 */
export class ProofOfWork {
  constructor(private readonly options: ProofOfWorkOptions) {}

  issue(): BookingChallenge {
    const expiresAt = this.options.now().getTime() + this.options.ttlMs;
    const body = `v1.${expiresAt}.${randomBytes(12).toString('hex')}.${this.options.bits}`;
    return { challenge: `${body}.${this.sign(body)}`, bits: this.options.bits, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The challenge's nonce and expiry if the solution holds; else why not. */
  verify(challenge: string, solution: string): { ok: true; nonce: string; expiresAt: Date } | { ok: false; reason: ProofRefusal } {
    const parts = challenge.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
    const [, expires, nonce, bitsText, signature] = parts as [string, string, string, string, string];
    const body = parts.slice(0, 4).join('.');
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
    if (Number(expires) < this.options.now().getTime()) return { ok: false, reason: 'expired' };
    const bits = Number(bitsText);
    if (!(bits >= this.options.bits) || !hasLeadingZeroBits(createHash('sha256').update(challenge + solution).digest(), bits)) {
      return { ok: false, reason: 'wrong' };
    }
    return { ok: true, nonce, expiresAt: new Date(Number(expires)) };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.options.secret).update(`booking-challenge:${body}`).digest('base64url');
  }
}

export function hasLeadingZeroBits(digest: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i += 1) {
    const byte = digest[i >> 3] ?? 0;
    if ((byte >> (7 - (i & 7))) & 1) return false;
  }
  return true;
}

/** Solves a challenge the way the booking page does (tests and the benchmark use it). */
export function solveChallenge(challenge: string, bits: number): string {
  for (let n = 0; ; n += 1) {
    const candidate = n.toString(36);
    if (hasLeadingZeroBits(createHash('sha256').update(challenge + candidate).digest(), bits)) return candidate;
  }
}
