import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoginResponse } from '@madoguchi/contract/rest';
import { hashPassword, verifyPassword } from '../../../../server/src/auth/passwords';
import { AppError } from '../../../../server/src/domain/app-error';
import { LoginGuard } from '../../../../server/src/domain/login-guard';
import { StaffLogin } from '../../../../server/src/domain/staff-login';

const codeOf = (error: unknown): string | undefined => (error instanceof AppError ? error.code : undefined);

/** One member (sato / correct-horse) in memory, the real password hashing and the real login guard (counters in memory). */
async function setUp(options: { active?: boolean } = {}) {
  const audit: { action: string; actorId: string | null }[] = [];
  const started: string[] = [];
  const member = {
    id: 'm1',
    loginId: 'sato',
    displayName: '佐藤',
    role: 'staff' as const,
    active: options.active ?? true,
    mustChangePassword: true,
    departmentIds: ['tax'],
    languages: [],
    passwordHash: await hashPassword('correct-horse'),
  };
  const login = new StaffLogin({
    staff: {
      findByLoginIdWithHash: async (loginId) => (loginId === member.loginId ? member : null),
      findWithHashById: async (id) => (id === member.id ? member : null),
      findMember: async (id) => (id === member.id ? (member as never) : null),
      setPassword: async (_id, hash, mustChange) => {
        member.passwordHash = hash;
        member.mustChangePassword = mustChange;
      },
    },
    loginGuard: new LoginGuard({ prefix: 'unit' }),
    loginSessions: {
      start: async (user, profile) => {
        started.push(user.id);
        return { accessToken: 'a', refreshToken: 'r', expiresInSeconds: 60, profile } as unknown as LoginResponse;
      },
      refresh: async (_token, profileOf) => ({ profile: await profileOf('m1') }) as unknown as LoginResponse,
      logout: async () => undefined,
    },
    audit: {
      record: async (entry) => {
        audit.push({ action: entry.action, actorId: entry.actorId });
      },
    },
  });
  return { login, audit, started, member };
}

describe('StaffLogin (real password hashing and login guard, members in memory)', () => {
  it('logs in with the right password, audits it and starts a login session with the profile', async () => {
    const { login, audit, started } = await setUp();
    await login.login('sato', 'correct-horse', '10.0.0.1');
    assert.deepEqual(started, ['m1']);
    assert.deepEqual(audit, [{ action: 'login', actorId: 'm1' }]);
  });

  it('a wrong password, an unknown id and a deactivated account are refused alike, audited, and start nothing', async () => {
    for (const [loginId, password, active] of [['sato', 'wrong', true], ['nobody', 'correct-horse', true], ['sato', 'correct-horse', false]] as const) {
      const { login, audit, started } = await setUp({ active });
      const refusal = await login.login(loginId, password, '10.0.0.2').then(
        () => assert.fail('logged in'),
        (error: unknown) => error,
      );
      assert.equal(codeOf(refusal), 'UNAUTHENTICATED');
      assert.equal((refusal as Error).message, 'ログインIDまたはパスワードが違います');
      assert.deepEqual(started, []);
      assert.deepEqual(audit.map((a) => a.action), ['login_failed']);
    }
  });

  it('repeated wrong passwords are stopped by the guard before the password is checked', async () => {
    const { login, audit } = await setUp();
    let limited: unknown = null;
    for (let i = 0; i < 20 && !limited; i += 1) {
      await login.login('sato', `wrong-${i}`, '10.0.0.3').catch((error: unknown) => {
        if (codeOf(error) === 'RATE_LIMITED') limited = error;
      });
    }
    assert.ok(limited, 'the guard never stopped the guessing');
    const failures = audit.length;
    await assert.rejects(login.login('sato', 'correct-horse', '10.0.0.3'), (e) => codeOf(e) === 'RATE_LIMITED');
    assert.equal(audit.length, failures, 'a refused attempt never reached the password check');
  });

  it('a deactivated member has no profile any more (the app must log in again)', async () => {
    const { login, member } = await setUp();
    assert.equal((await login.profile('m1')).mustChangePassword, true);
    member.active = false;
    await assert.rejects(login.profile('m1'), (e) => codeOf(e) === 'UNAUTHENTICATED');
    await assert.rejects(login.refresh('r'), (e) => codeOf(e) === 'UNAUTHENTICATED');
  });

  it('changing the password needs the current one and a different new one; it ends the temporary-password state and is audited', async () => {
    const { login, audit, member } = await setUp();
    await assert.rejects(login.changePassword('m1', 'wrong', 'new-password-1'), (e) => codeOf(e) === 'BAD_REQUEST');
    await assert.rejects(login.changePassword('m1', 'correct-horse', 'correct-horse'), (e) => codeOf(e) === 'BAD_REQUEST');
    assert.deepEqual(audit, []);
    await login.changePassword('m1', 'correct-horse', 'new-password-1');
    assert.equal(await verifyPassword('new-password-1', member.passwordHash), true);
    assert.equal(member.mustChangePassword, false);
    assert.deepEqual(audit, [{ action: 'password_changed', actorId: 'm1' }]);
  });
});
