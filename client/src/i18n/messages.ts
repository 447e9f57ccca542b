import type { EndReason } from '@madoguchi/contract/consultation';
import { pick } from './language';

export const LANGUAGE_NAMES_JA: Record<string, string> = {
  ja: '日本語', 'ja-easy': 'やさしい日本語', en: '英語', zh: '中国語', ko: '韓国語', vi: 'ベトナム語', pt: 'ポルトガル語', es: 'スペイン語',
};
const LANGUAGE_NAMES_EN: Record<string, string> = {
  ja: 'Japanese', 'ja-easy': 'Easy Japanese', en: 'English', zh: 'Chinese', ko: 'Korean', vi: 'Vietnamese', pt: 'Portuguese', es: 'Spanish',
};

/** Every string the staff app shows. Another language is one more object of this type. */
export interface Messages {
  appTitle: string;
  login: {
    heading: string;
    loginId: string;
    password: string;
    submit: string;
    submitting: string;
    invalidCredentials: string;
    rateLimited: string;
    unavailable: string;
    sessionExpired: string;
    resuming: string;
  };
  header: { signedInAs: (name: string) => string; logout: string };
  connection: {
    connecting: string;
    reconnecting: string;
    failed: string;
    connected: string;
  };
  queue: {
    heading: string;
    empty: string;
    waitingFor: (elapsedSeconds: number) => string;
    place: string;
    booked: string;
    walkIn: string;
    generalCounter: string;
    language: (code: string) => string;
    needs: { interpreter: string; hearingSupport: string; wheelchair: string };
    answer: string;
    alreadyTaken: string;
    acceptFailed: string;
  };
  call: {
    heading: (kioskName: string) => string;
    location: (place: string) => string;
    residentVideo: string;
    selfView: string;
    hangUp: string;
    joining: string;
    waitingForVideo: string;
    connectingMedia: string;
    unstable: string;
    reconnectingMedia: string;
    inCall: string;
    peerJoined: string;
    peerLeft: string;
    serverReconnecting: string;
    /** The server node carrying the call stopped and the call is moving to another one. */
    failover: { holderStopped: string; ownStopped: string; countdown: (seconds: number) => string; closing: string };
    noLocalMedia: string;
    ended: (reason: EndReason) => string;
  };
}

const END_REASON_JA: Record<EndReason, string> = {
  completed: '通話が終了しました。',
  resident_left: '住民の方が通話を終了しました。',
  staff_ended: '通話を終了しました。',
  network_lost: '通信が切断されたため、通話が終了しました。',
  transferred: '通話は別の窓口に引き継がれました。',
  server_restart: 'サーバーの再起動のため、通話が終了しました。',
  media_failed: '映像・音声がつながらなかったため、通話を終了しました。',
  node_lost: '相談者がつながっていたサーバーが停止したため、通話が終了しました。記録は停止した時刻で保存されています。',
  resident_absent: 'キオスクに人がいないため、通話を終了しました。',
};

function formatWait(elapsedSeconds: number): string {
  const seconds = Math.max(0, Math.floor(elapsedSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return minutes > 0 ? `${minutes}分${rest}秒` : `${seconds}秒`;
}

export const ja: Messages = {
  appTitle: 'まどぐち 職員コンソール',
  login: {
    heading: '職員ログイン',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログインしています…',
    invalidCredentials: 'ログインIDまたはパスワードが正しくありません。',
    rateLimited: 'ログインの試行回数が多すぎます。しばらく待ってからもう一度お試しください。',
    unavailable: 'サーバーに接続できません。しばらくしてからもう一度お試しください。',
    sessionExpired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
    resuming: 'ログイン状態を確認しています…',
  },
  header: { signedInAs: (name) => `${name} さん`, logout: 'ログアウト' },
  connection: {
    connecting: 'サーバーに接続しています…',
    reconnecting: 'サーバーとの接続が切れました。再接続しています…',
    failed: 'サーバーに接続できません。ページを再読み込みしてください。',
    connected: '接続済み',
  },
  queue: {
    heading: '呼び出し中の窓口',
    empty: '現在、呼び出しはありません。',
    waitingFor: (elapsed) => `待ち時間 ${formatWait(elapsed)}`,
    place: '場所',
    booked: '予約',
    walkIn: '予約なし',
    generalCounter: '総合窓口',
    language: (code) => `言語: ${LANGUAGE_NAMES_JA[code] ?? code}`,
    needs: { interpreter: '通訳', hearingSupport: '聴覚支援', wheelchair: '車いす' },
    answer: '応答',
    alreadyTaken: '他の職員が応答しました',
    acceptFailed: '応答できませんでした。もう一度お試しください。',
  },
  call: {
    heading: (kioskName) => `${kioskName} と通話`,
    location: (place) => `場所: ${place}`,
    residentVideo: '住民の方の映像',
    selfView: '自分の映像',
    hangUp: '通話を終了',
    joining: '接続しています…',
    waitingForVideo: '相手の映像を待っています…',
    connectingMedia: '映像と音声を接続しています…',
    unstable: '通信が不安定です…',
    reconnectingMedia: '映像と音声を再接続しています…',
    inCall: '通話中',
    peerJoined: '住民の方が接続しました',
    peerLeft: '住民の方の接続が切れました',
    serverReconnecting: 'サーバーに再接続しています…',
    failover: {
      holderStopped: '相談者側のサーバーが停止しました。別のサーバーへ移っています…',
      ownStopped: 'この画面がつながっているサーバーが停止しました。別のサーバーへ移っています…',
      countdown: (seconds) => `あと ${seconds} 秒で移れない場合は通話を終了し、停止した時刻で記録します。`,
      closing: '通話を終了して記録しています…',
    },
    noLocalMedia: 'カメラまたはマイクを使用できません。ブラウザの設定を確認してください。',
    ended: (reason) => END_REASON_JA[reason],
  },
};

const END_REASON_EN: Record<EndReason, string> = {
  completed: 'The call has ended.',
  resident_left: 'The resident ended the call.',
  staff_ended: 'You ended the call.',
  network_lost: 'The call ended because the connection was lost.',
  transferred: 'The call was handed over to another desk.',
  server_restart: 'The call ended because the server restarted.',
  media_failed: 'The call ended because no picture or sound got through.',
  node_lost: 'The server the resident was connected to stopped, so the call ended. The record ends at the time it stopped.',
  resident_absent: 'The call was ended because no one was at the kiosk.',
};

function formatWaitEn(elapsedSeconds: number): string {
  const seconds = Math.max(0, Math.floor(elapsedSeconds));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

export const en: Messages = {
  appTitle: 'Madoguchi staff console',
  login: {
    heading: 'Staff sign-in',
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    invalidCredentials: 'The login ID or password is not correct.',
    rateLimited: 'Too many attempts. Wait a while, then try again.',
    unavailable: 'Cannot reach the server. Try again in a moment.',
    sessionExpired: 'Your sign-in has expired. Please sign in again.',
    resuming: 'Checking your sign-in…',
  },
  header: { signedInAs: (name) => name, logout: 'Sign out' },
  connection: {
    connecting: 'Connecting to the server…',
    reconnecting: 'Lost the connection to the server. Reconnecting…',
    failed: 'Cannot connect to the server. Reload the page.',
    connected: 'Connected',
  },
  queue: {
    heading: 'Kiosks calling',
    empty: 'No one is calling right now.',
    waitingFor: (elapsed) => `Waiting ${formatWaitEn(elapsed)}`,
    place: 'Place',
    booked: 'Booked',
    walkIn: 'Walk-in',
    generalCounter: 'General counter',
    language: (code) => `Language: ${LANGUAGE_NAMES_EN[code] ?? code}`,
    needs: { interpreter: 'Interpreter', hearingSupport: 'Hearing support', wheelchair: 'Wheelchair' },
    answer: 'Answer',
    alreadyTaken: 'Another member answered',
    acceptFailed: 'Could not answer. Please try again.',
  },
  call: {
    heading: (kioskName) => `Call with ${kioskName}`,
    location: (place) => `Place: ${place}`,
    residentVideo: "Resident's video",
    selfView: 'Your video',
    hangUp: 'End call',
    joining: 'Connecting…',
    waitingForVideo: "Waiting for the resident's video…",
    connectingMedia: 'Connecting video and audio…',
    unstable: 'The connection is unstable…',
    reconnectingMedia: 'Reconnecting video and audio…',
    inCall: 'In call',
    peerJoined: 'The resident is connected',
    peerLeft: "The resident's connection dropped",
    serverReconnecting: 'Reconnecting to the server…',
    failover: {
      holderStopped: 'The server the resident is connected to stopped. Moving the call to another server…',
      ownStopped: 'The server this console is connected to stopped. Moving the call to another server…',
      countdown: (seconds) => `If it cannot move within ${seconds} s, the call ends and is recorded at the time the server stopped.`,
      closing: 'Ending the call and saving the record…',
    },
    noLocalMedia: 'Your camera or microphone cannot be used. Check the browser settings.',
    ended: (reason) => END_REASON_EN[reason],
  },
};

/** The language in use, chosen once at start-up (see switchLanguage). */
export const messages: Messages = pick({ ja, en });

/** A resident's language by name (英語, やさしい日本語…) in the staff app's language. */
export const languageName = (code: string): string => pick({ ja: LANGUAGE_NAMES_JA, en: LANGUAGE_NAMES_EN })[code] ?? code;
