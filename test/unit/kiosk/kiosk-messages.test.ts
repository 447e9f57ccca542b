import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES } from '@madoguchi/contract/languages';
import { LANGUAGE_CHOICES, messagesFor } from '../../../kiosk/src/i18n/messages';

/** Every leaf string of a message object, with its path; functions are called with a sample. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const sample: unknown = (value as (arg: unknown) => unknown)(path.startsWith('clock') ? new Date(0) : 3);
    return typeof sample === 'string' ? [[path, sample]] : [];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [];
}

describe('kiosk messages', () => {
  it('offers a button for every contract language, Japanese first', () => {
    assert.deepEqual(LANGUAGE_CHOICES.map((c) => c.language).sort(), [...LANGUAGES].sort());
    assert.equal(LANGUAGE_CHOICES[0]?.language, 'ja');
  });

  it('has no empty string in any language', () => {
    for (const language of LANGUAGES) {
      for (const [path, text] of leaves(messagesFor(language))) {
        assert.ok(text.trim().length > 0, `${language}: ${path} is empty`);
      }
    }
  });

  it('uses the wording the city asked for in Japanese', () => {
    const ja = messagesFor('ja');
    assert.equal(ja.pairing.title, 'この端末を登録します');
    assert.equal(ja.start.booked, '予約があります');
    assert.equal(ja.start.walkIn, '予約なしで相談');
    assert.equal(ja.checkIn.useQr, 'QRコードで読み取る');
    assert.equal(ja.survey.skip, 'とばす');
    assert.equal(ja.waiting.resident('山田'), '山田 様、順番にお呼びします');
    assert.match(ja.checkIn.notFound, /^番号が見つかりませんでした。もう一度お確かめください/);
    assert.match(ja.checkIn.rateLimited, /^しばらくしてからもう一度お試しください/);
  });

  it('shows the clock in Japan time whatever the host time zone', () => {
    // 1970-01-01T00:00Z is 09:00 in Tokyo.
    assert.equal(messagesFor('ja').clock.time(new Date(0)), '09:00');
    assert.equal(messagesFor('en').clock.time(new Date(0)), '09:00');
  });
});
