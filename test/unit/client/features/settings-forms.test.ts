import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { departmentFormFrom, departmentInput, departmentProblems } from '../../../../client/src/features/settings/department-form';
import { groupedPairingCode, kioskFormFrom, pairingState, updateKioskBody } from '../../../../client/src/features/settings/kiosk-form';
import { staffFormFrom, staffProblems } from '../../../../client/src/features/settings/staff-form';
import { passwordProblem } from '../../../../client/src/features/auth/password-rules';

describe('settings forms', () => {
  it('departments: code rules, and empty translations are left out', () => {
    const values = { ...departmentFormFrom(null), code: 'Kosodate', name: ' ' };
    assert.deepEqual(departmentProblems(values), { code: true, name: true });
    const body = departmentInput({ code: 'kosodate', name: ' 子育て支援課 ', icon: 'child', translations: { en: ' Childcare ', zh: '  ', ko: '' } });
    assert.deepEqual(body, { code: 'kosodate', name: '子育て支援課', icon: 'child', nameTranslations: { en: 'Childcare' } });
  });

  it('staff: the login id is checked only when inviting', () => {
    const values = { ...staffFormFrom(null), loginId: 'a b', displayName: '新人' };
    assert.deepEqual(staffProblems(values, true), { loginId: true });
    assert.deepEqual(staffProblems(values, false), {});
  });

  it('kiosks: empty camera ids mean the default camera (null)', () => {
    const body = updateKioskBody({ ...kioskFormFrom(null), name: ' 東支所 ', location: '東支所 1階', faceCameraId: ' cam-1 ' });
    assert.deepEqual(body, { name: '東支所', location: '東支所 1階', address: '', cameraRoles: { faceCameraId: 'cam-1', documentCameraId: null } });
  });

  it('kiosks: pairing state from active, paired and the code expiry', () => {
    const now = Date.parse('2026-11-24T00:00:00Z');
    assert.equal(pairingState({ active: false, paired: true, pairingExpiresAt: null }, now), 'revoked');
    assert.equal(pairingState({ active: true, paired: true, pairingExpiresAt: null }, now), 'paired');
    assert.equal(pairingState({ active: true, paired: false, pairingExpiresAt: '2026-11-24T00:10:00Z' }, now), 'pending');
    assert.equal(pairingState({ active: true, paired: false, pairingExpiresAt: '2026-11-23T23:59:00Z' }, now), 'unpaired');
    assert.equal(groupedPairingCode('12345678'), '1234 5678');
  });

  it('passwords: at least 10 characters, typed twice, different from the current one', () => {
    assert.equal(passwordProblem({ current: 'temp', next: 'short', repeat: 'short' }), 'tooShort');
    assert.equal(passwordProblem({ current: 'temp', next: 'long-enough-1', repeat: 'long-enough-2' }), 'mismatch');
    assert.equal(passwordProblem({ current: 'long-enough-1', next: 'long-enough-1', repeat: 'long-enough-1' }), 'sameAsCurrent');
    assert.equal(passwordProblem({ current: 'temp', next: 'long-enough-1', repeat: 'long-enough-1' }), null);
  });
});
