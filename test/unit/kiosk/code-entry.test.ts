import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyKey, codeFromQrText } from '../../../kiosk/src/visit/code-entry';

describe('applyKey()', () => {
  it('appends digits up to the code length and ignores the rest', () => {
    assert.equal(applyKey('12', '3', 6), '123');
    assert.equal(applyKey('123456', '7', 6), '123456');
  });

  it('「訂正」 removes the last digit and 「消す」 all of them', () => {
    assert.equal(applyKey('123', 'backspace', 6), '12');
    assert.equal(applyKey('', 'backspace', 6), '');
    assert.equal(applyKey('123', 'clear', 6), '');
  });
});

describe('codeFromQrText()', () => {
  it('reads a bare six-digit code, ignoring surrounding whitespace', () => {
    assert.equal(codeFromQrText('042913'), '042913');
    assert.equal(codeFromQrText(' 042913\n'), '042913');
  });

  it('finds the one six-digit run in a URL or prefixed payload', () => {
    assert.equal(codeFromQrText('https://city.example/kiosk/checkin?code=042913'), '042913');
    assert.equal(codeFromQrText('MADOGUCHI:042913'), '042913');
  });

  it('refuses texts that hold no code or more than one candidate', () => {
    assert.equal(codeFromQrText('hello'), null);
    assert.equal(codeFromQrText('12345'), null);
    assert.equal(codeFromQrText('1234567'), null);
    assert.equal(codeFromQrText('code 123456 or 654321'), null);
  });
});
