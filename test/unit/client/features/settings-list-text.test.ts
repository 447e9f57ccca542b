import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageListText, listText } from '../../../../client/src/features/settings/list-text';

describe('settings list text', () => {
  it('listText() joins names with 「、」 and shows 「—」 for none, never a blank cell', () => {
    assert.equal(listText(['子育て支援課', '税務課']), '子育て支援課、税務課');
    assert.equal(listText([]), '—');
  });

  it('languageListText() names resident languages in the staff app language', () => {
    assert.equal(languageListText(['en', 'vi']), '英語、ベトナム語');
    assert.equal(languageListText([]), '—');
  });
});
