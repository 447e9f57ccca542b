import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jwt from 'jsonwebtoken';
import { TokenService } from '../../../../server/src/auth/token-service';
import { AppError } from '../../../../server/src/domain/app-error';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const tokens = new TokenService({ secret, staffTtlSeconds: 60, kioskTtlSeconds: 60 });
const unauthenticated = (e: unknown): boolean => e instanceof AppError && e.code === 'UNAUTHENTICATED';

describe('TokenService', () => {
  it('round-trips staff and kiosk grants with their own audiences', () => {
    const staff = tokens.issueStaff({ kind: 'staff', staffId: 'u1', role: 'admin', loginSessionId: 's1' });
    assert.deepEqual(tokens.verify(staff.token), { kind: 'staff', staffId: 'u1', role: 'admin', loginSessionId: 's1' });
    const { expiresAt } = tokens.verifyWithExpiry(staff.token);
    assert.ok(Math.abs(expiresAt.getTime() - (Date.now() + 60_000)) < 2000, 'the expiry is read from the token');
    const kiosk = tokens.issueKiosk({ kind: 'kiosk', kioskId: 'k1' });
    assert.deepEqual(tokens.verify(kiosk.token), { kind: 'kiosk', kioskId: 'k1' });
  });

  it('refuses tokens signed with another secret, another issuer, or alg none', () => {
    const forged = jwt.sign({ role: 'admin' }, 'another-secret-another-secret-123', {
      issuer: 'madoguchi', audience: 'madoguchi:staff', subject: 'u1',
    });
    assert.throws(() => tokens.verify(forged), unauthenticated);
    const otherIssuer = jwt.sign({ role: 'admin' }, secret, { issuer: 'evil', audience: 'madoguchi:staff', subject: 'u1' });
    assert.throws(() => tokens.verify(otherIssuer), unauthenticated);
    const none = jwt.sign({ role: 'admin' }, '', { algorithm: 'none', issuer: 'madoguchi', audience: 'madoguchi:staff', subject: 'u1' });
    assert.throws(() => tokens.verify(none), unauthenticated);
  });

  it('refuses expired tokens', () => {
    const expired = jwt.sign({ role: 'staff', exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
      issuer: 'madoguchi', audience: 'madoguchi:staff', subject: 'u1',
    });
    assert.throws(() => tokens.verify(expired), unauthenticated);
  });

  it('refuses a staff token without a login session', () => {
    const noSession = jwt.sign({ role: 'admin' }, secret, { issuer: 'madoguchi', audience: 'madoguchi:staff', subject: 'u1' });
    assert.throws(() => tokens.verify(noSession), unauthenticated);
  });

  it('never reads staff powers out of a kiosk token', () => {
    const kioskWithRole = jwt.sign({ role: 'admin' }, secret, { issuer: 'madoguchi', audience: 'madoguchi:kiosk', subject: 'k1' });
    assert.deepEqual(tokens.verify(kioskWithRole), { kind: 'kiosk', kioskId: 'k1' });
  });
});
