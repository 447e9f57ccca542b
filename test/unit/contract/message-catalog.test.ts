import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bindMessages, fill, placeholders } from '@madoguchi/contract/message-catalog';
import { REPORT_LABELS_JA } from '@madoguchi/contract/reports';
import { appointmentMessages } from '../../../client/src/i18n/appointment-messages';
import { common } from '../../../client/src/i18n/common-messages';
import { consoleEn } from '../../../client/src/i18n/console-messages';
import { messages, languageNameJa } from '../../../client/src/i18n/messages';
import { reportMessages } from '../../../client/src/i18n/report-messages';
import { messagesFor as bookingMessagesFor } from '../../../booking/src/messages';
import { KIOSK_FORM_MESSAGES } from '../../../kiosk/src/i18n/form-messages';
import { messagesFor as kioskMessagesFor } from '../../../kiosk/src/i18n/messages';

const ROOT = join(import.meta.dirname, '../../..');
/** Each app's catalog folder: one subfolder per language, one JSON file per area. */
const CATALOGS = ['kiosk/src/i18n', 'booking/src/i18n', 'client/src/i18n'];

/**
 * Placeholders a language may use although the Japanese sentence does not, because the message's
 * builder supplies them: plain Japanese counts the people ahead where Japanese names the place; the
 * zero-padded seconds and month are for the languages that write them so.
 */
const EXTRA_VALUES: Record<string, readonly string[]> = {
  'kiosk/src/i18n/kiosk.json:waiting.position': ['ahead'],
  'client/src/i18n/common.json:seconds.minutes': ['seconds'],
  'client/src/i18n/messages.json:queue.waitingFor.minutes': ['seconds'],
  'client/src/i18n/report.json:periodLabel.month': ['month2'],
};

function read(path: string): unknown {
  const catalog = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
  // The Japanese report table's headings are the CSV export's, kept once in the contract.
  if (path === 'client/src/i18n/ja/report.json') return { ...catalog, table: { ...(catalog['table'] as object), ...REPORT_LABELS_JA } };
  return catalog;
}

/** Every text of a catalog with its path (list items by index). */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
  }
  return [];
}

/** The keys of a catalog, lists counted as leaves (a language may say a thing in more or fewer lines). */
function keys(value: unknown, path = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => keys(child, path ? `${path}.${key}` : key));
  }
  return [path];
}

function catalogFiles(): { folder: string; language: string; file: string }[] {
  return CATALOGS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((language) =>
        readdirSync(join(ROOT, folder, language.name))
          .filter((file) => file.endsWith('.json'))
          .map((file) => ({ folder, language: language.name, file })),
      ),
  );
}

describe('message catalogs (JSON, one file per language and area)', () => {
  it('finds the kiosk, booking and staff app catalogs in every language', () => {
    const files = catalogFiles();
    const languagesOf = (folder: string) => [...new Set(files.filter((f) => f.folder === folder).map((f) => f.language))].sort();
    assert.deepEqual(languagesOf('kiosk/src/i18n'), ['en', 'es', 'ja', 'ja-easy', 'ko', 'pt', 'vi', 'zh']);
    assert.deepEqual(languagesOf('booking/src/i18n'), ['en', 'es', 'ja', 'ja-easy', 'ko', 'pt', 'vi', 'zh']);
    assert.deepEqual(languagesOf('client/src/i18n'), ['en', 'ja']);
    assert.ok(files.filter((f) => f.folder === 'client/src/i18n' && f.language === 'ja').length >= 20);
  });

  it('every language has exactly the keys of the Japanese file', () => {
    for (const { folder, language, file } of catalogFiles()) {
      // The English lines of the check-in slip are a deliberate subset (Japanese is always printed).
      if (folder === 'client/src/i18n' && file === 'slip.json') continue;
      const japanese = read(`${folder}/ja/${file}`);
      assert.deepEqual(keys(read(`${folder}/${language}/${file}`)).sort(), keys(japanese).sort(), `${folder}/${language}/${file}`);
    }
  });

  it('no text is empty and every placeholder is one its message fills', () => {
    for (const { folder, language, file } of catalogFiles()) {
      const japanese = new Map(texts(read(`${folder}/ja/${file}`)));
      for (const [path, text] of texts(read(`${folder}/${language}/${file}`))) {
        // A list's separator may be a space; every other text says something.
        assert.ok(text.length > 0 && (path.endsWith('separator') || text.trim().length > 0), `${folder}/${language}/${file}: ${path} is empty`);
        const allowed = new Set([...placeholders(japanese.get(path) ?? ''), ...(EXTRA_VALUES[`${folder}/${file}:${path}`] ?? [])]);
        for (const name of placeholders(text)) {
          assert.ok(allowed.has(name), `${folder}/${language}/${file}: ${path} uses {${name}}, which its message does not fill`);
        }
      }
    }
  });
});

describe('bindMessages', () => {
  interface Sample {
    plain: string;
    greet: (name: string, count: number) => string;
    nested: { list: (url: string) => string[] };
  }
  const sample = bindMessages<Sample>(
    { plain: 'そのまま', greet: '{count}件 {name} さん {other}', nested: { list: ['{url} を開く', '閉じる'] } },
    { greet: ['name', 'count'], nested: { list: (text: readonly string[], url) => text.map((line) => fill(line, { url })) } },
  );

  it('keeps plain texts and fills named placeholders in parameter order', () => {
    assert.equal(sample.plain, 'そのまま');
    // An unknown placeholder stays visible instead of vanishing.
    assert.equal(sample.greet('山田', 3), '3件 山田 さん {other}');
    assert.deepEqual(sample.nested.list('/kiosk/'), ['/kiosk/ を開く', '閉じる']);
  });

  it('shows a value that is not known as a dash', () => {
    assert.equal(fill('往復 {rtt} ms', { rtt: null }), '往復 — ms');
  });
});

describe('messages built from more than one text', () => {
  it('kiosk: the reassurance while waiting says how many are ahead', () => {
    const en = kioskMessagesFor('en');
    assert.equal(en.waiting.reassure(4, null), 'You have been waiting 4 min. Your place is kept. Please keep waiting here.');
    assert.equal(en.waiting.reassure(4, 0), 'You have been waiting 4 min. You are next. Please keep waiting here.');
    assert.equal(en.waiting.reassure(4, 1), 'You have been waiting 4 min. 1 person is ahead of you. Please keep waiting here.');
    assert.equal(en.waiting.reassure(4, 3), 'You have been waiting 4 min. 3 people are ahead of you. Please keep waiting here.');
    assert.equal(kioskMessagesFor('ja-easy').waiting.position(3), 'あなたの まえに まっている ひと：2にん');
    assert.equal(kioskMessagesFor('ja').waiting.position(3), 'お待ちの順番：3番目');
  });

  it('kiosk: end reasons, microphone level, round trip and the clock', () => {
    const ja = kioskMessagesFor('ja');
    assert.equal(ja.ended.reason('network_lost'), '通信が途切れたため、通話が終了しました。');
    assert.equal(ja.ended.reason('completed'), null);
    assert.equal(ja.install.microphoneLevel(null), 'マイクが使えません');
    assert.equal(ja.install.microphoneLevel(40), '入力レベル 40%');
    assert.equal(ja.check.path(null, 800), '往復 — ms、受信 800 kbps');
    assert.equal(kioskMessagesFor('en').clock.date(new Date(0)), 'Thu, January 1');
    assert.equal(KIOSK_FORM_MESSAGES.en.page(2, 5), 'Page 2 of 5');
    assert.equal(bookingMessagesFor('en').changeUntil('24 Nov'), 'You can change or cancel it here until 24 Nov.');
  });

  it('staff app: durations, draft problems, report periods and waits', () => {
    assert.equal(appointmentMessages.durationOption(30), '30分');
    assert.equal(appointmentMessages.durationOption(120), '2時間');
    assert.equal(appointmentMessages.durationOption(90), '1時間30分');
    assert.equal(appointmentMessages.problem('departmentId', 'required'), '部署を選んでください。');
    assert.equal(appointmentMessages.problem('residentName', 'required'), '氏名を入力してください。');
    assert.equal(appointmentMessages.problem('topic', 'tooLong'), '相談内容が長すぎます。120文字以内にしてください。');
    assert.equal(appointmentMessages.problem('durationMinutes', 'invalid'), '所要時間は4時間以内にしてください。');
    assert.equal(reportMessages.periodLabel('2026-03', 'month'), '2026年3月');
    assert.equal(reportMessages.periodLabel('2026-03-09', 'week'), '3/9週');
    assert.equal(reportMessages.distributionText([1, 0, 2, 5, 9]), '1点:1 2点:0 3点:2 4点:5 5点:9');
    assert.equal(messages.queue.waitingFor(65.4), '待ち時間 1分05秒');
    assert.equal(messages.queue.waitingFor(42), '待ち時間 42秒');
    assert.equal(messages.queue.language('vi'), '言語: ベトナム語');
    assert.equal(messages.call.ended('staff_ended'), '通話を終了しました。');
    assert.equal(common.seconds(125), '2分05秒');
    assert.equal(common.percent(0.256), '25.6%');
    assert.equal(common.errors.rateLimitedFor(30), '試行が多すぎます。30秒待ってからもう一度お試しください。');
    assert.equal(common.errors.rateLimitedFor(90), '試行が多すぎます。2分待ってからもう一度お試しください。');
    assert.equal(common.errors.badRequest(''), '入力内容に誤りがあります。内容を確認して、もう一度保存してください。');
    assert.equal(languageNameJa('pt'), 'ポルトガル語');
    assert.equal(consoleEn.availability.titleCalling(2), '(2) Calling');
  });
});
