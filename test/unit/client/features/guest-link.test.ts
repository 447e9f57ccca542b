import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guestLinkFromHash } from '../../../../client/src/features/guest/guest-link';

describe('guest links', () => {
  it('reads the consultation and the token', () => {
    assert.deepEqual(guestLinkFromHash('#/guest?consultation=c-1&token=t-1'), { consultationId: 'c-1', token: 't-1' });
  });

  it('still reads links mailed before the rename', () => {
    const mailed = '#/guest?session=c-2&token=t-2'; // rename:keep
    assert.deepEqual(guestLinkFromHash(mailed), { consultationId: 'c-2', token: 't-2' });
  });

  it('is null for any other page, and names nothing it was not given', () => {
    assert.equal(guestLinkFromHash('#/console'), null);
    assert.deepEqual(guestLinkFromHash('#/guest'), { consultationId: null, token: null });
  });
});
