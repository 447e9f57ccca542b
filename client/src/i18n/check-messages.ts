import { pick } from './language';

/** The connection check page an installer opens on a staff PC (the kiosk has its own). */
export interface CheckMessages {
  title: string;
  lead: string;
  start: string;
  running: string;
  again: string;
  items: { camera: string; microphone: string; speaker: string; udp: string; tcp: string };
  pending: string;
  ok: string;
  failed: string;
  cameraOk: (label: string) => string;
  microphoneOk: (percent: number) => string;
  pathOk: (rttMs: number | null, kbps: number | null) => string;
  pathFailed: string;
  speakerAsk: string;
  playTone: string;
  heard: string;
  notHeard: string;
  verdictHeading: string;
  verdict: {
    allGood: string;
    tcpOnly: (ports: string) => string;
    noMedia: (ports: string) => string;
    noCamera: string;
    noMicrophone: string;
    noSpeaker: string;
  };
  fromLogin: string;
}

const checkJa: CheckMessages = {
  title: '接続チェック',
  lead: 'このPCでビデオ相談ができるかを確かめます。カメラ・マイク・スピーカーと、メディアサーバーへの通信（UDP と TCP）を順に調べます。',
  start: 'チェックを始める',
  running: 'チェックしています…',
  again: 'もう一度チェックする',
  items: { camera: 'カメラ', microphone: 'マイク', speaker: 'スピーカー', udp: 'メディア通信（UDP）', tcp: 'メディア通信（TCP）' },
  pending: '未確認',
  ok: 'OK',
  failed: '使えません',
  cameraOk: (label) => `映像が届いています（${label || '名前なし'}）`,
  microphoneOk: (percent) => `音を拾っています（入力レベル ${percent}%）`,
  pathOk: (rttMs, kbps) => `往復 ${rttMs ?? '—'} ms、受信 ${kbps ?? '—'} kbps`,
  pathFailed: 'つながりません',
  speakerAsk: 'テスト音を鳴らして、聞こえたかどうかを選んでください。',
  playTone: 'テスト音を鳴らす',
  heard: '聞こえた',
  notHeard: '聞こえない',
  verdictHeading: '結果',
  verdict: {
    allGood: 'このPCでビデオ相談ができます。',
    tcpOnly: (ports) =>
      `ビデオ相談はできますが、UDP が通らないため TCP で接続します（映像が遅れることがあります）。IT担当者に${ports}のうち UDP の許可を依頼してください。`,
    noMedia: (ports) => `メディアサーバーに接続できないため、ビデオ相談はできません。IT担当者に、このPCから${ports}への通信を許可するよう依頼してください。`,
    noCamera: 'カメラが使えません。接続とブラウザのカメラ許可を確かめてください。',
    noMicrophone: 'マイクが使えません。接続とブラウザのマイク許可を確かめてください。',
    noSpeaker: 'スピーカーから音が出ていません。音量と出力先を確かめてください。',
  },
  fromLogin: '接続チェック（設置・点検用。ログイン後に開きます）',
};

const checkEn: CheckMessages = {
  title: 'Connection check',
  lead: 'Checks whether this PC can hold video consultations: camera, microphone, speaker, and the media server over UDP and TCP.',
  start: 'Start the check',
  running: 'Checking…',
  again: 'Check again',
  items: { camera: 'Camera', microphone: 'Microphone', speaker: 'Speaker', udp: 'Media (UDP)', tcp: 'Media (TCP)' },
  pending: 'Not checked',
  ok: 'OK',
  failed: 'Not working',
  cameraOk: (label) => `Picture received (${label || 'unnamed'})`,
  microphoneOk: (percent) => `Picking up sound (input level ${percent}%)`,
  pathOk: (rttMs, kbps) => `round trip ${rttMs ?? '—'} ms, receiving ${kbps ?? '—'} kbps`,
  pathFailed: 'Cannot connect',
  speakerAsk: 'Play the test sound, then say whether you heard it.',
  playTone: 'Play test sound',
  heard: 'I heard it',
  notHeard: 'I did not',
  verdictHeading: 'Result',
  verdict: {
    allGood: 'This PC can hold video consultations.',
    tcpOnly: (ports) => `Consultations work, but over TCP because UDP is blocked (video may lag). Ask IT to allow UDP for ${ports}.`,
    noMedia: (ports) => `This PC cannot reach the media server, so consultations will not work. Ask IT to allow this PC to reach ${ports}.`,
    noCamera: 'The camera does not work. Check the cable and the browser’s camera permission.',
    noMicrophone: 'The microphone does not work. Check the cable and the browser’s microphone permission.',
    noSpeaker: 'No sound from the speaker. Check the volume and the output device.',
  },
  fromLogin: 'Connection check (for installers; opens after login)',
};

export const checkMessages: CheckMessages = pick({ ja: checkJa, en: checkEn });
