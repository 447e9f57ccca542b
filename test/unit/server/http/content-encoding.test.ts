import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseEncoding } from '../../../../server/src/http/content-encoding';

describe('chooseEncoding: which precompressed copy to send', () => {
  const both = ['br', 'gzip'] as const;
  it('prefers brotli, then gzip, and sends the plain file when nothing is accepted', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd', both), 'br');
    assert.equal(chooseEncoding('gzip, deflate', both), 'gzip');
    assert.equal(chooseEncoding('deflate', both), undefined);
    assert.equal(chooseEncoding(undefined, both), undefined);
    assert.equal(chooseEncoding('', both), undefined);
    assert.equal(chooseEncoding('identity', both), undefined);
  });
  it('honours q=0 refusals, x-gzip and the * wildcard', () => {
    assert.equal(chooseEncoding('br;q=0, gzip', both), 'gzip');
    assert.equal(chooseEncoding('br; q=0.0, gzip;q=0', both), undefined);
    assert.equal(chooseEncoding('x-gzip', both), 'gzip');
    assert.equal(chooseEncoding('*', both), 'br');
    assert.equal(chooseEncoding('*, br;q=0', both), 'gzip');
    assert.equal(chooseEncoding('BR', both), 'br');
  });
  it('only picks copies that exist', () => {
    assert.equal(chooseEncoding('br, gzip', ['gzip']), 'gzip');
    assert.equal(chooseEncoding('br', ['gzip']), undefined);
    assert.equal(chooseEncoding('br, gzip', []), undefined);
  });
});
