import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';

// やさしい日本語: short sentences, no honorifics, few kanji, a space between phrases
// (the kiosk cannot show furigana on every word).
const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: 'つうしんが きれました。でんわが おわりました。',
  server_restart: 'システムの もんだいで、でんわが おわりました。',
  transferred: 'ほかの まどぐちに つなぎました。',
};

export const kioskJaEasy: KioskMessages = {
  appTitle: 'まどぐち ビデオそうだん',
  starting: 'じゅんびを しています。すこし まって ください。',
  languageGroup: 'ことば / Language',
  idle: {
    lead: 'しやくしょの ひとと、ビデオで そうだんが できます。',
    begin: 'はじめる',
    notReady: 'いま つないで います。すこし まって ください。',
  },
  start: {
    title: 'どちらですか？ ボタンを おして ください',
    booked: 'よやくが あります',
    bookedHint: 'ばんごうの かみを もって いる ひと',
    walkIn: 'よやくは ありません',
    walkInHint: 'いま しやくしょの ひとと はなします',
  },
  checkIn: {
    title: 'ばんごうを いれて ください',
    lead: 'よやくの ときに もらった 6けたの ばんごうです。',
    submit: 'これで いい',
    submitting: 'しらべて います…',
    notFound: 'ばんごうが ありません。もう いちど みて ください。',
    tooEarly: 'まだ うけつけの じかんでは ありません。よやくの じかんの すこし まえに きて ください。',
    tooLate: 'よやくの じかんが すぎました。「よやくは ありません」を おして ください。',
    rateLimited: 'すこし まってから、もう いちど やって ください。',
    offline: 'つうしんが できませんでした。もう いちど やって ください。',
    useQr: 'QRコードを よむ',
    useKeypad: 'ばんごうを いれる',
    qrLead: 'かみの QRコードを カメラに みせて ください。',
    qrCameraError: 'カメラが つかえません。ばんごうを いれて ください。',
  },
  keypad: {
    backspace: 'ひとつ けす',
    clear: 'ぜんぶ けす',
    codeLabel: 'いれた ばんごう',
  },
  walkIn: {
    title: 'なにを そうだん しますか？',
    lead: 'ちかい ものを おして ください。',
    unsure: 'わからない・ほか',
  },
  pairing: {
    title: 'この きかいを とうろく します',
    lead: 'かんりの がめんに ある 8けたの ばんごうを いれて ください。',
    revoked: 'この きかいの とうろくが けされました。',
    submit: 'とうろく する',
    submitting: 'とうろく して います…',
    wrongCode: 'ばんごうが ちがいます。または じかんが すぎました。あたらしい ばんごうを だして ください。',
    rateLimited: 'すこし まってから、もう いちど やって ください。',
    offline: 'サーバーに つながりません。ネットワークを みて、もう いちど やって ください。',
    cancel: 'やめる',
  },
  back: 'もどる',
  waiting: {
    title: 'しやくしょの ひとを よんで います',
    resident: (name) => `${name} さん、じゅんばんに よびます`,
    lead: 'ここで まって ください。しやくしょの ひとが でると、がめんが かわります。',
    position: (position) => `あなたの まえに まっている ひと：${position - 1}にん`,
    cancel: 'やめる',
    reconnecting: 'つうしんを しらべて います。じゅんばんは そのままです。',
  },
  inCall: {
    staffName: (name) => `たんとう：${name}`,
    staffVideo: 'しやくしょの ひとの えいぞう',
    selfView: 'あなたの えいぞう',
    hangUp: 'でんわを おわる',
    connecting: 'つないで います…',
    waitingForVideo: 'えいぞうを まって います…',
    unstable: 'つうしんが よく ありません…',
    reconnecting: 'もう いちど つないで います…',
    inCall: 'はなして います',
    noLocalMedia: 'カメラか マイクが つかえません。こえや えいぞうが とどいて いないかも しれません。',
  },
  survey: {
    title: 'ありがとう ございました',
    question: 'きょうの そうだんは どうでしたか？',
    ratings: ['とても わるい', 'わるい', 'ふつう', 'よい', 'とても よい'],
    skip: 'こたえない',
  },
  ended: {
    title: 'ありがとう ございました',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'すぐに はじめの がめんに もどります。',
  },
  fault: {
    offline: 'いまは つかえません。じどうで つないで います。',
    callFailed: 'しやくしょの ひとを よべませんでした。もう いちど やって ください。',
    noAnswer: 'いま しやくしょの ひとが でられません。あとで もう いちど よんで ください。',
    unexpected: 'もんだいが ありました。',
    contact: 'かかりの ひとに きいて ください。',
    returning: 'すぐに はじめの がめんに もどります。',
  },
  clock: clockFor('ja-JP'),
};
