import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A kiosk's device credential is `<kioskId>.<secret>` with 32 random bytes of secret. Such
 * a secret cannot be guessed, so a plain SHA-256 is enough to keep it unusable if the
 * database leaks (no need for a slow password hash on every kiosk token refresh).
 */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function deviceSecretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashDeviceSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function parseDeviceCredential(credential: string): { kioskId: string; secret: string } | null {
  const dot = credential.indexOf('.');
  if (dot <= 0) return null;
  return { kioskId: credential.slice(0, dot), secret: credential.slice(dot + 1) };
}
