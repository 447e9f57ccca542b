import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, apiPath } from '@madoguchi/contract/api-routes';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** Issue 15 renamed the records' REST paths; callers outside this code may still use the old ones. */
describe('REST paths from before the rename', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('reach the same handlers with the same permissions, marked deprecated', async () => {
    const { accessToken } = await loginStaff(server.url, 'demo-admin', 'test-password');
    const auth = { authorization: `Bearer ${accessToken}` };
    const legacyList = `${server.url}/api/sessions`; // rename:keep
    const current = await fetch(`${server.url}${apiPath('listConsultations')}?pageSize=5`, { headers: auth });
    const legacy = await fetch(`${legacyList}?pageSize=5`, { headers: auth });
    assert.equal(current.status, 200);
    assert.equal(legacy.status, 200);
    assert.deepEqual(await legacy.json(), await current.json());
    assert.equal(current.headers.get('deprecation'), null);
    assert.equal(legacy.headers.get('deprecation'), 'true');
    assert.equal(legacy.headers.get('link'), `<${apiPath('listConsultations')}>; rel="successor-version"`);

    assert.equal((await fetch(legacyList)).status, 401, 'anonymous');
    const kiosk = await kioskToken(server.url, server.demo.kioskCredential);
    assert.equal((await fetch(legacyList, { headers: { authorization: `Bearer ${kiosk.accessToken}` } })).status, 403, 'a kiosk');
    assert.equal((await fetch(`${legacyList}/${randomUUID()}`, { headers: auth })).status, 404, 'an unknown record');
    assert.equal((await fetch(`${legacyList}/not-a-uuid`, { headers: auth })).status, 400, 'a malformed id');
  });

  it('are listed in the OpenAPI document as deprecated aliases', async () => {
    const document = (await (await fetch(`${server.url}${apiPath('openapi')}`)).json()) as { paths: Record<string, Record<string, { deprecated?: boolean; operationId?: string }>> };
    const legacy = document.paths['/api/sessions/{id}/outcome']?.['put']; // rename:keep
    assert.equal(legacy?.deprecated, true);
    assert.equal(legacy?.operationId, 'recordOutcomeLegacy');
    const current = document.paths[API_ROUTES.recordOutcome.path.replace(':id', '{id}')]?.['put'];
    assert.equal(current?.operationId, 'recordOutcome');
    assert.equal(current?.deprecated, undefined);
  });
});
