import type { EndReason } from '@contract/consultation';

/** Every string the kiosk shows; plain words, for residents of all ages. */
export interface KioskMessages {
  appTitle: string;
  starting: string;
  idle: {
    lead: string;
    callStaff: string;
    notReady: string;
  };
  waiting: {
    title: string;
    lead: string;
    position: (position: number) => string;
    cancel: string;
    reconnecting: string;
  };
  inCall: {
    staffName: (name: string) => string;
    staffVideo: string;
    selfView: string;
    hangUp: string;
    connecting: string;
    waitingForVideo: string;
    unstable: string;
    reconnecting: string;
    inCall: string;
    noLocalMedia: string;
  };
  ended: {
    title: string;
    reason: (reason: EndReason) => string | null;
    returning: string;
  };
  fault: {
    unregistered: string;
    rejected: string;
    offline: string;
    callFailed: string;
    noAnswer: string;
    unexpected: string;
    contact: string;
    returning: string;
  };
  clock: { date: (date: Date) => string; time: (date: Date) => string };
}

const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: '通信が途切れたため、通話が終了しました。',
  server_restart: 'システムの都合により、通話が終了しました。',
  transferred: '別の窓口へおつなぎしました。',
};

// Japanese municipal time whatever the kiosk PC's own time zone is set to.
const TIME_ZONE = 'Asia/Tokyo';
const dateFormat = new Intl.DateTimeFormat('ja-JP', { month: 'long', day: 'numeric', weekday: 'short', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE });

export const kioskJa: KioskMessages = {
  appTitle: 'まどぐち ビデオ相談',
  starting: '準備しています。しばらくお待ちください。',
  idle: {
    lead: 'ボタンを押すと、市役所の職員とビデオ通話で相談できます。',
    callStaff: '職員を呼び出す',
    notReady: 'ただいま接続しています。しばらくお待ちください。',
  },
  waiting: {
    title: '職員を呼び出しています',
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
  ended: {
    title: 'ご利用ありがとうございました',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'まもなく最初の画面に戻ります。',
  },
  fault: {
    unregistered: 'この端末は登録されていません。',
    rejected: 'この端末の登録が無効になっています。',
    offline: 'ただいまご利用いただけません。自動で再接続しています。',
    callFailed: '職員を呼び出せませんでした。もう一度お試しください。',
    noAnswer: 'ただいま職員が応答できません。時間をおいて、もう一度お呼び出しください。',
    unexpected: '問題が発生しました。',
    contact: '管理者にお問い合わせください。',
    returning: 'まもなく最初の画面に戻ります。',
  },
  clock: { date: (date) => dateFormat.format(date), time: (date) => timeFormat.format(date) },
};

/** The language in use; another one is one more object of this type. */
export const messages: KioskMessages = kioskJa;
