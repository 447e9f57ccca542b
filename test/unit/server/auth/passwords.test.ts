import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceSecretMatches, hashDeviceSecret, parseDeviceCredential } from '../../../../server/src/auth/device-credentials';
import { hashPassword, verifyPassword } from '../../../../server/src/auth/passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('正しいパスワード');
    assert.match(hash, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('正しいパスワード', hash), true);
    assert.equal(await verifyPassword('wrong', hash), false);
  });

  it('salts every hash', async () => {
    assert.notEqual(await hashPassword('same'), await hashPassword('same'));
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    assert.equal(await verifyPassword('x', 'md5$abc'), false);
    assert.equal(await verifyPassword('x', ''), false);
  });
});

describe('device credentials', () => {
  it('parses <kioskId>.<secret> and matches the stored hash', () => {
    const parsed = parseDeviceCredential('0b5e6a62-0000-4000-8000-000000000000.c2VjcmV0LXNlY3JldC1zZWNyZXQ');
    assert.equal(parsed?.kioskId, '0b5e6a62-0000-4000-8000-000000000000');
    assert.equal(deviceSecretMatches(parsed?.secret ?? '', hashDeviceSecret('c2VjcmV0LXNlY3JldC1zZWNyZXQ')), true);
    assert.equal(deviceSecretMatches('other', hashDeviceSecret('c2VjcmV0LXNlY3JldC1zZWNyZXQ')), false);
    assert.equal(parseDeviceCredential('nodot'), null);
  });
});
