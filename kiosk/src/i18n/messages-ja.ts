import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';

const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: '通信が途切れたため、通話が終了しました。',
  server_restart: 'システムの都合により、通話が終了しました。',
  transferred: '別の窓口へおつなぎしました。',
};

export const kioskJa: KioskMessages = {
  appTitle: 'まどぐち ビデオ相談',
  starting: '準備しています。しばらくお待ちください。',
  languageGroup: '言語 / Language',
  idle: {
    lead: '市役所の職員と、ビデオ通話で相談できます。',
    begin: 'はじめる',
    notReady: 'ただいま接続しています。しばらくお待ちください。',
  },
  start: {
    title: 'あてはまる方を押してください',
    booked: '予約があります',
    bookedHint: '受付番号またはQRコードをお持ちの方',
    walkIn: '予約なしで相談',
    walkInHint: '空いている職員がお話を伺います',
  },
  checkIn: {
    title: '受付番号を入力してください',
    lead: '予約のときにお渡しした6桁の番号です。',
    submit: 'この番号で受付',
    submitting: '確認しています…',
    notFound: '番号が見つかりませんでした。もう一度お確かめください。',
    tooEarly: 'まだ受付の時間ではありません。予約の時刻が近づいてから、もう一度お試しください。',
    tooLate: '予約の時刻を過ぎています。「予約なしで相談」からご相談ください。',
    rateLimited: 'しばらくしてからもう一度お試しください。',
    offline: '通信できませんでした。もう一度お試しください。',
    useQr: 'QRコードで読み取る',
    useKeypad: '番号を入力する',
    qrLead: '受付票のQRコードを、カメラに向けてください。',
    qrCameraError: 'カメラが使えません。番号を入力してください。',
  },
  keypad: {
    backspace: '訂正',
    clear: '消す',
    codeLabel: '入力した番号',
  },
  walkIn: {
    title: 'ご相談の内容を選んでください',
    lead: '近いものを押してください。',
    unsure: 'わからない・その他',
  },
  pairing: {
    title: 'この端末を登録します',
    lead: '管理画面に表示された8桁の番号を入力してください。',
    revoked: 'この端末の登録が取り消されました。',
    submit: '登録する',
    submitting: '登録しています…',
    wrongCode: '番号が違うか、有効期限が切れています。管理画面で新しい番号を発行してください。',
    rateLimited: 'しばらくしてからもう一度お試しください。',
    offline: 'サーバーに接続できませんでした。ネットワークを確認して、もう一度お試しください。',
    cancel: 'やめる',
  },
  back: '戻る',
  waiting: {
    title: '職員を呼び出しています',
    resident: (name) => `${name} 様、順番にお呼びします`,
    lead: 'そのままお待ちください。職員が応答すると、画面が切り替わります。',
    position: (position) => `お待ちの順番：${position}番目`,
    cancel: 'やめる',
    reconnecting: '通信を確認しています。順番はそのままです。',
  },
  inCall: {
    staffName: (name) => `担当：${name}`,
    staffVideo: '職員の映像',
    selfView: 'あなたの映像',
    hangUp: '通話を終了',
    connecting: '接続しています…',
    waitingForVideo: '職員の映像を待っています…',
    unstable: '通信が不安定です…',
    reconnecting: '再接続しています…',
    inCall: '通話中',
    noLocalMedia: 'カメラまたはマイクが使えません。声や映像が職員に届いていない可能性があります。',
  },
  survey: {
    title: 'ご利用ありがとうございました',
    question: '本日の相談はいかがでしたか？',
    ratings: ['とても不満', '不満', 'ふつう', '満足', 'とても満足'],
    skip: 'とばす',
  },
  ended: {
    title: 'ご利用ありがとうございました',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'まもなく最初の画面に戻ります。',
  },
  fault: {
    offline: 'ただいまご利用いただけません。自動で再接続しています。',
    callFailed: '職員を呼び出せませんでした。もう一度お試しください。',
    noAnswer: 'ただいま職員が応答できません。時間をおいて、もう一度お呼び出しください。',
    unexpected: '問題が発生しました。',
    contact: '管理者にお問い合わせください。',
    returning: 'まもなく最初の画面に戻ります。',
  },
  clock: clockFor('ja-JP'),
};
