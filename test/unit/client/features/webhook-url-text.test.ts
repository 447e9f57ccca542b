import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../../../client/src/api/api-error';
import { webhookDestinationLines, webhookUrlErrorText } from '../../../../client/src/features/settings/webhook-url-text';

const refused = (details: unknown, code: ErrorCode = ErrorCode.BadRequest) => new ApiError(400, code, 'english text from the server', { details });
/** A refusal as the server sends it: `details` is a list of issues, the one naming `url` carries the reason. */
const refusal = (issue: Record<string, unknown>, code?: ErrorCode) => refused([{ message: 'english text from the server', ...issue }], code);

describe('設定 → 連携: the webhook form words the allow-list in Japanese (the default language)', () => {
  it("words every refusal reason of the server's allow-list, saying what to do next", () => {
    assert.equal(
      webhookUrlErrorText(refusal({ reason: 'host_not_allowed', path: 'url', host: 'hooks.example.jp' })),
      'hooks.example.jp は送信先として許可されていません。「送信先に使えるホスト」に挙がっているホストを使うか、サーバー管理者に WEBHOOK_ALLOWED_HOSTS への追加を依頼してください。',
    );
    assert.match(webhookUrlErrorText(refusal({ reason: 'https_required', path: 'url', host: 'x.jp' })) ?? '', /^送信先URLは https:\/\/ で始めてください。.*WEBHOOK_ALLOW_HTTP/);
    assert.match(webhookUrlErrorText(refusal({ reason: 'credentials_in_url', path: 'url' })) ?? '', /ユーザー名やパスワードを含めないでください/);
    assert.match(webhookUrlErrorText(refusal({ reason: 'host_unresolvable', path: 'url', host: 'typo.example.jp' })) ?? '', /^typo\.example\.jp がサーバーから見つかりません。ホスト名のつづりを確かめてください/);
    assert.equal(
      webhookUrlErrorText(refusal({ reason: 'special_address', path: 'url', host: 'localhost', address: '127.0.0.1', addressKind: 'loopback' })),
      'localhost はサーバー自身のアドレス（127.0.0.1）につながるため登録できません。この宛先が必要な場合は、サーバー管理者に WEBHOOK_ALLOWED_HOSTS へそのアドレスかネットワークの追加を依頼してください。',
    );
    assert.match(webhookUrlErrorText(refusal({ reason: 'special_address', path: 'url', host: 'h', address: '169.254.169.254', addressKind: 'link_local' })) ?? '', /クラウドのメタデータ/);
    assert.match(webhookUrlErrorText(refusal({ reason: 'invalid_url', path: 'url' })) ?? '', /^送信先URLの形が正しくありません/);
  });

  it('a malformed URL refused by the request check (issues naming `url`) gets the same sentence; anything else is left to describeError', () => {
    assert.match(webhookUrlErrorText(refused([{ path: 'url', message: 'Invalid URL' }])) ?? '', /^送信先URLの形が正しくありません/);
    assert.equal(webhookUrlErrorText(refused([{ path: 'events', message: 'Too small' }])), null);
    assert.equal(webhookUrlErrorText(refusal({ reason: 'slot_taken' })), null);
    // details is a list like every 400's: the refusal is the issue naming `url`, wherever it stands; a bare object is no refusal.
    assert.match(
      webhookUrlErrorText(refused([{ path: 'events', message: 'Too small' }, { path: 'url', message: 'm', reason: 'host_not_allowed', host: 'a.example.jp' }])) ?? '',
      /^a\.example\.jp は送信先として許可されていません。/,
    );
    assert.equal(webhookUrlErrorText(refused({ reason: 'host_not_allowed', path: 'url', host: 'x' })), null);
    assert.equal(webhookUrlErrorText(refusal({ reason: 'host_not_allowed', path: 'url', host: 'x' }, ErrorCode.Forbidden)), null);
    assert.equal(webhookUrlErrorText(new Error('network')), null);
    assert.equal(webhookUrlErrorText(null), null);
  });

  it('says where webhooks may go before anything is typed: the hosts, https only or not, whom to ask', () => {
    assert.deepEqual(webhookDestinationLines({ anyPublicHost: true, entries: [], allowHttp: false }), [
      '送信先に使えるホスト: インターネット上の公開されたホスト（庁内・内部のアドレスを除く）',
      'URLは https:// で始めてください（このサーバーでは http:// は使えません）。',
      'ほかの送信先が必要なときは、サーバー管理者に WEBHOOK_ALLOWED_HOSTS への追加を依頼してください。',
    ]);
    assert.deepEqual(webhookDestinationLines({ anyPublicHost: false, entries: ['hooks.town.local', '10.20.0.0/16'], allowHttp: true }).slice(0, 2), [
      '送信先に使えるホスト: hooks.town.local、10.20.0.0/16',
      'URLは https:// でも http:// でも登録できます。',
    ]);
    assert.deepEqual(webhookDestinationLines({ anyPublicHost: false, entries: [], allowHttp: true }), [
      'このサーバーには送信先が設定されていないため、Webhookを登録できません。サーバー管理者に WEBHOOK_ALLOWED_HOSTS の設定を依頼してください。',
    ]);
  });
});
