import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReleaseWatch } from '../../../booking/src/release-watch';

describe("the booking page's release watch (Madoguchi-Build on each API answer)", () => {
  it('takes the first answer as the page\'s own release and reports a later, different one once', () => {
    const watch = new ReleaseWatch();
    let changes = 0;
    watch.onChange(() => (changes += 1));
    watch.note('release-1');
    watch.note('release-1');
    assert.equal(watch.isNew(), false, 'the release the page was loaded with');
    assert.equal(changes, 0);
    watch.note('release-2');
    assert.equal(watch.isNew(), true, 'the server was upgraded');
    watch.note('release-2');
    assert.equal(changes, 1, 'the banner is told once, not on every answer');
  });

  it('ignores answers without the header (a proxy error page) and follows a rolling upgrade back to an old node', () => {
    const watch = new ReleaseWatch();
    watch.note(null);
    watch.note('');
    watch.note('release-1');
    assert.equal(watch.isNew(), false, 'the first real header is the page\'s release');
    watch.note('release-2');
    watch.note(null);
    assert.equal(watch.isNew(), true, 'a header-less answer changes nothing');
    watch.note('release-1');
    assert.equal(watch.isNew(), false, 'an old node again: nothing to offer for now');
  });
});
