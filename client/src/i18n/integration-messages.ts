import type { ApiScope } from '@madoguchi/contract/api-scopes';
import type { WebhookDeliveryStatus, WebhookEvent } from '@madoguchi/contract/integrations';
import { pick } from './language';

export interface IntegrationMessages {
  shownOnce: string;
  copiedClose: string;
  never: string;
  columns: { actions: string };
  scopes: Record<ApiScope, string>;
  events: Record<WebhookEvent, string>;
  keys: {
    heading: string;
    lead: string;
    empty: string;
    name: string;
    nameHint: string;
    scopesLegend: string;
    create: string;
    created: string;
    revoke: string;
    revoked: string;
    confirmRevoke: (name: string) => string;
    active: string;
    revokedAt: (at: string) => string;
    secretTitle: string;
    secretHint: string;
    columns: { name: string; prefix: string; scopes: string; lastUsed: string; state: string };
  };
  hooks: {
    heading: string;
    lead: string;
    empty: string;
    url: string;
    urlHint: string;
    description: string;
    eventsLegend: string;
    create: string;
    created: string;
    disable: string;
    disabled: string;
    confirmDisable: (url: string) => string;
    active: string;
    stopped: string;
    secretTitle: string;
    secretHint: string;
    columns: { url: string; events: string };
  };
  log: {
    heading: string;
    reload: string;
    empty: string;
    nextTry: (at: string) => string;
    status: Record<WebhookDeliveryStatus, string>;
    columns: { at: string; event: string; status: string; attempts: string; response: string; error: string };
  };
}

const ja: IntegrationMessages = {
  shownOnce: 'この画面を閉じると二度と表示できません。いま連携システムの担当者に安全な方法で渡してください。失くした場合は無効化して発行し直します。',
  copiedClose: '控えたので閉じる',
  never: '未使用',
  columns: { actions: '操作' },
  scopes: { 'appointments:read': '予約の参照', 'appointments:write': '予約の登録・変更・取り消し', 'webhooks:manage': 'Webhookの管理' },
  events: {
    'appointment.booked': '予約の登録',
    'appointment.moved': '予約の変更',
    'appointment.cancelled': '予約の取り消し',
    'appointment.checked_in': '受付',
    'appointment.answered': '応答（予約）',
    'appointment.completed': '相談の完了（予約）',
    'appointment.no_show': '来訪なし',
    'consultation.answered': '応答（すべての相談）',
    'consultation.completed': '相談の終了（すべての相談）',
  },
  keys: {
    heading: 'APIキー',
    lead: '町の予約システムやLINEの窓口サービスが予約を登録・変更・取り消すためのキーです。キーは発行時に一度だけ表示され、サーバーにはハッシュだけが残ります。職員の権限は持ちません。',
    empty: 'APIキーはまだありません。',
    name: 'キーの名前（連携先）',
    nameHint: '例: LINE窓口、来庁予約システム',
    scopesLegend: '許可する操作',
    create: 'APIキーを発行',
    created: 'APIキーを発行しました。',
    revoke: '無効化',
    revoked: 'APIキーを無効化しました。このキーでの呼び出しは、すべてのサーバーで直ちに拒否されます。',
    confirmRevoke: (name) => `APIキー「${name}」を無効化しますか？連携システムからの呼び出しは直ちに失敗します。`,
    active: '有効',
    revokedAt: (at) => `無効（${at}）`,
    secretTitle: 'APIキー',
    secretHint: 'HTTPヘッダー「Authorization: Bearer （このキー）」で送ります。',
    columns: { name: '名前', prefix: '識別子', scopes: '許可', lastUsed: '最終使用', state: '状態' },
  },
  hooks: {
    heading: 'Webhook',
    lead: '予約や相談の状態が変わると、登録したURLに署名付きのJSONを送ります。届かなかった場合は間隔を空けて再送し、下の送信記録に結果が残ります。検証方法は docs/integrations.md を連携先に渡してください。',
    empty: 'Webhookの送信先はまだありません。',
    url: '送信先URL',
    urlHint: 'https:// で始まるURL（町の閉域網内のアドレスも可）',
    description: 'メモ',
    eventsLegend: '送るできごと',
    create: '送信先を登録',
    created: '送信先を登録しました。',
    disable: '停止',
    disabled: '送信先を停止しました。未送信の分は送られません。',
    confirmDisable: (url) => `${url} への送信を停止しますか？`,
    active: '送信中',
    stopped: '停止',
    secretTitle: '署名用シークレット',
    secretHint: '連携先はこの値で、ヘッダー Madoguchi-Webhook-Signature の HMAC-SHA256 署名を確かめます。',
    columns: { url: '送信先', events: 'できごと' },
  },
  log: {
    heading: '送信記録',
    reload: '最新の状態に更新',
    empty: '送信記録はまだありません。',
    nextTry: (at) => `次の再送: ${at}`,
    status: { pending: '送信待ち', sending: '送信中', delivered: '送信済み', failed: '送信できず（再送終了）' },
    columns: { at: '日時', event: 'できごと', status: '状態', attempts: '試行回数', response: '応答コード', error: '最後のエラー' },
  },
};

const en: IntegrationMessages = {
  shownOnce: 'Once closed this cannot be shown again. Hand it to the integrator now by a safe channel; if it is lost, revoke it and issue a new one.',
  copiedClose: 'Noted, close',
  never: 'Never',
  columns: { actions: 'Actions' },
  scopes: { 'appointments:read': 'Read appointments', 'appointments:write': 'Book, move and cancel appointments', 'webhooks:manage': 'Manage webhooks' },
  events: {
    'appointment.booked': 'Booked',
    'appointment.moved': 'Moved',
    'appointment.cancelled': 'Cancelled',
    'appointment.checked_in': 'Checked in',
    'appointment.answered': 'Answered (booking)',
    'appointment.completed': 'Completed (booking)',
    'appointment.no_show': 'No-show',
    'consultation.answered': 'Answered (every consultation)',
    'consultation.completed': 'Ended (every consultation)',
  },
  keys: {
    heading: 'API keys',
    lead: "Keys for the town's booking system or LINE service to book, move and cancel appointments. A key is shown once; the server keeps only its hash. Keys never carry staff powers.",
    empty: 'No API keys yet.',
    name: 'Name (which system)',
    nameHint: 'e.g. LINE service, visit booking system',
    scopesLegend: 'Allowed',
    create: 'Issue API key',
    created: 'API key issued.',
    revoke: 'Revoke',
    revoked: 'API key revoked. Calls with it are refused at once on every server.',
    confirmRevoke: (name) => `Revoke the API key "${name}"? Calls from that system fail at once.`,
    active: 'Active',
    revokedAt: (at) => `Revoked (${at})`,
    secretTitle: 'API key',
    secretHint: 'Send it as the HTTP header "Authorization: Bearer <key>".',
    columns: { name: 'Name', prefix: 'Id', scopes: 'Allowed', lastUsed: 'Last used', state: 'State' },
  },
  hooks: {
    heading: 'Webhooks',
    lead: 'When an appointment or a consultation changes state, signed JSON is posted to each URL registered here; failed deliveries are retried with growing delays and logged below. Give the integrator docs/integrations.md for verification.',
    empty: 'No webhook endpoints yet.',
    url: 'URL',
    urlHint: 'An https:// URL (addresses on the closed network are fine)',
    description: 'Note',
    eventsLegend: 'Events to send',
    create: 'Register endpoint',
    created: 'Endpoint registered.',
    disable: 'Stop',
    disabled: 'Endpoint stopped. Deliveries still waiting will not be sent.',
    confirmDisable: (url) => `Stop sending to ${url}?`,
    active: 'Sending',
    stopped: 'Stopped',
    secretTitle: 'Signing secret',
    secretHint: 'The receiver checks the HMAC-SHA256 signature in the Madoguchi-Webhook-Signature header with it.',
    columns: { url: 'Endpoint', events: 'Events' },
  },
  log: {
    heading: 'Delivery log',
    reload: 'Refresh',
    empty: 'Nothing delivered yet.',
    nextTry: (at) => `Next try: ${at}`,
    status: { pending: 'Waiting', sending: 'Sending', delivered: 'Delivered', failed: 'Gave up' },
    columns: { at: 'When', event: 'Event', status: 'Status', attempts: 'Tries', response: 'Response', error: 'Last error' },
  },
};

export const integrationMessages = pick({ ja, en });
