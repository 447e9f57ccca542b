import type { QualityLevel } from '../features/consultations/quality-stats';
import { bindLanguages, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/console.json';
import ja from './ja/console.json';
import { pick, type UiLanguage } from './language';

/** The staff console's in-call tools: document view, snapshots, pointing, messages, transfer, quality. */
export interface ConsoleMessages {
  /** The invited third party's video. */
  guestVideo: string;
  /** A guest's own camera or microphone is missing from the call (no device, refused in their browser). */
  guestDevice: { camera: (guest: string) => string; microphone: (guest: string) => string };
  document: {
    heading: string;
    waiting: string;
    zoomIn: string;
    zoomOut: string;
    resetView: string;
    rotate: string;
    fullScreen: string;
    exitFullScreen: string;
    zoomLevel: (percent: number) => string;
    paneLabel: string;
  };
  pointer: {
    tools: string;
    move: string;
    pen: string;
    highlight: string;
    color: string;
    colors: { red: string; yellow: string; blue: string };
    clear: string;
    sendFailed: string;
  };
  snapshot: {
    take: string;
    asking: string;
    consented: string;
    refused: string;
    stored: string;
    failed: string;
    /** The kiosk's document camera could not take the photo the resident agreed to. */
    noCamera: string;
    /** No answer or no photo arrived in time. */
    timedOut: string;
    /** The kiosk reported its document camera unusable during the call. */
    cameraDown: string;
    /** The kiosk's face camera is missing from the call (no device, unplugged). */
    residentNoCamera: string;
    /** The kiosk's microphone is missing from the call. */
    residentNoMicrophone: string;
    gallery: string;
    empty: string;
    thumbnail: (time: string) => string;
    enlarged: string;
    close: string;
    loadFailed: string;
  };
  chat: {
    heading: string;
    label: string;
    send: string;
    quickPhrases: string;
    /** Under the text box: typed text reaches the kiosk as typed. */
    freeTextHint: string;
    you: string;
    resident: string;
    empty: string;
    failed: string;
  };
  screen: { share: string; stop: string; sharing: string; failed: string };
  hangUpConfirm: { title: string; message: string; confirm: string; cancel: string };
  resident: {
    heading: string;
    walkIn: string;
    booked: (time: string) => string;
    name: string;
    language: string;
    needs: string;
    noNeeds: string;
    topic: string;
    notes: string;
    none: string;
    history: string;
    noHistory: string;
    loadFailed: string;
    retry: string;
  };
  transfer: {
    open: string;
    title: string;
    department: string;
    choose: string;
    submit: string;
    cancel: string;
    done: (department: string, position: number) => string;
    failed: string;
  };
  quality: {
    label: string;
    levels: Record<QualityLevel, string>;
    details: (rtt: string, loss: string, inKbps: string, outKbps: string) => string;
    frozen: string;
  };
  outcome: {
    heading: string;
    code: string;
    choose: string;
    notes: string;
    save: string;
    saving: string;
    skip: string;
    saved: string;
    chooseFirst: string;
  };
  availability: {
    label: string;
    available: string;
    away: string;
    awayNotice: string;
    titleCalling: (count: number) => string;
  };
}

/** The words are in `ja/console.json` and `en/console.json`. */
const CONSOLE = bindLanguages<ConsoleMessages, UiLanguage>(sameKeysAsJapanese({ ja, en }), {
  guestDevice: { camera: ['guest'], microphone: ['guest'] },
  document: { zoomLevel: ['percent'] },
  snapshot: { thumbnail: ['time'] },
  resident: { booked: ['time'] },
  transfer: { done: ['department', 'position'] },
  quality: { details: ['rtt', 'loss', 'inKbps', 'outKbps'] },
  availability: { titleCalling: ['count'] },
});

export const consoleJa: ConsoleMessages = CONSOLE.ja;
export const consoleEn: ConsoleMessages = CONSOLE.en;
export const consoleMessages: ConsoleMessages = pick(CONSOLE);
