import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryString } from '../../../../client/src/api/query-string';
import { fileNameFrom } from '../../../../client/src/api/route-call';

describe('query strings and downloaded file names', () => {
  it('queryString() drops empty values and encodes the rest', () => {
    assert.equal(queryString({ from: '2026-11-24T00:00:00+09:00', kioskId: undefined, q: '', page: 2, all: false }), '?from=2026-11-24T00%3A00%3A00%2B09%3A00&page=2&all=false');
    assert.equal(queryString({}), '');
  });

  it('fileNameFrom() prefers the UTF-8 name and falls back to the plain one', () => {
    assert.equal(fileNameFrom(`attachment; filename="report.csv"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.csv`), '報告.csv');
    assert.equal(fileNameFrom('attachment; filename="a.ics"'), 'a.ics');
    assert.equal(fileNameFrom(null), null);
  });
});
