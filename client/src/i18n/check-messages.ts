import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/check.json';
import ja from './ja/check.json';
import { localized } from './language';

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

/** The words are in `ja/check.json` and `en/check.json`. */
export const checkMessages: CheckMessages = localized<CheckMessages>(sameKeysAsJapanese({ ja, en }), {
  cameraOk: (text: { text: string; unnamed: string }, label) => fill(text.text, { label: label || text.unnamed }),
  microphoneOk: ['percent'],
  pathOk: ['rttMs', 'kbps'],
  verdict: { tcpOnly: ['ports'], noMedia: ['ports'] },
});
