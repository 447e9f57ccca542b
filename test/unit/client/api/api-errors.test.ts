import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '@madoguchi/contract/api-error';
import { ErrorCode } from '@madoguchi/contract/errors';
import { send } from '../../../../client/src/api/http-client';

/** A real HTTP server answering each path with a fixed status and body, as the API or a proxy would. */
const ANSWERS: Record<string, { status: number; body: string; type: string }> = {
  '/taken': { status: 409, body: JSON.stringify({ error: { code: 'ALREADY_TAKEN', message: 'another desk took this call' } }), type: 'application/json' },
  '/state': { status: 409, body: JSON.stringify({ error: { code: 'INVALID_STATE', message: 'the call has ended', details: { state: 'ended' } } }), type: 'application/json' },
  '/proxy-down': { status: 502, body: '<html>Bad Gateway</html>', type: 'text/html' },
  '/proxy-conflict': { status: 409, body: '<html>Conflict</html>', type: 'text/html' },
};

describe('one error class for REST and socket failures keeps the server code', () => {
  let server: http.Server;
  let base = '';
  before(async () => {
    server = http.createServer((req, res) => {
      const answer = ANSWERS[req.url ?? ''] ?? { status: 404, body: '', type: 'text/plain' };
      res.writeHead(answer.status, { 'Content-Type': answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const failure = async (path: string): Promise<ApiError> => {
    const error = await send('get', `${base}${path}`).then(
      () => assert.fail('the request should fail'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof ApiError);
    return error;
  };

  it('two 409s stay two codes: ALREADY_TAKEN and INVALID_STATE, with the details', async () => {
    const taken = await failure('/taken');
    assert.equal(taken.code, ErrorCode.AlreadyTaken);
    assert.equal(taken.status, 409);
    assert.equal(taken.message, 'another desk took this call');
    const state = await failure('/state');
    assert.equal(state.code, ErrorCode.InvalidState);
    assert.deepEqual(state.details, { state: 'ended' });
  });

  it('an answer without our code (a proxy page) is UNAVAILABLE for a gateway error and INTERNAL otherwise, never guessed from 409', async () => {
    assert.equal((await failure('/proxy-down')).code, ErrorCode.Unavailable);
    const conflict = await failure('/proxy-conflict');
    assert.equal(conflict.code, ErrorCode.Internal);
    assert.equal(conflict.status, 409);
  });

  it('no answer at all is a network error with status 0', async () => {
    const error = await send('get', 'http://127.0.0.1:1/nothing-listens-here').then(
      () => assert.fail('the request should fail'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 0);
    assert.equal(error.code, ErrorCode.Unavailable);
  });

  it('a socket ack error is the same class, with no HTTP status', () => {
    const error = ApiError.fromAck({ code: ErrorCode.AlreadyTaken, message: 'taken', details: { by: 'someone' } });
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, ErrorCode.AlreadyTaken);
    assert.equal(error.status, null);
    assert.deepEqual(error.details, { by: 'someone' });
  });
});
