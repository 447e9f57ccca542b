import type { EndReason } from '@madoguchi/contract/consultation';
import type { GuestKind } from '@madoguchi/contract/guests';

/** Every string the kiosk shows, in one language; plain words, for residents of all ages. */
export interface KioskMessages {
  appTitle: string;
  starting: string;
  /** The name of the language group on Idle, read out by screen readers. */
  languageGroup: string;
  idle: {
    lead: string;
    begin: string;
    notReady: string;
  };
  start: {
    title: string;
    booked: string;
    bookedHint: string;
    walkIn: string;
    walkInHint: string;
  };
  checkIn: {
    title: string;
    lead: string;
    submit: string;
    submitting: string;
    notFound: string;
    tooEarly: string;
    tooLate: string;
    rateLimited: string;
    offline: string;
    useQr: string;
    useKeypad: string;
    qrLead: string;
    qrCameraError: string;
  };
  keypad: {
    /** Deletes the last digit. */
    backspace: string;
    /** Deletes every digit. */
    clear: string;
    /** For screen readers: "code entered so far". */
    codeLabel: string;
  };
  walkIn: {
    title: string;
    lead: string;
    unsure: string;
  };
  pairing: {
    title: string;
    lead: string;
    revoked: string;
    submit: string;
    submitting: string;
    wrongCode: string;
    rateLimited: string;
    offline: string;
    cancel: string;
  };
  back: string;
  waiting: {
    title: string;
    /** A checked-in booking: the name on the appointment. */
    resident: (name: string) => string;
    lead: string;
    position: (position: number) => string;
    /** The rough wait, in whole minutes (at least 1). */
    estimate: (minutes: number) => string;
    cancel: string;
    reconnecting: string;
    /** Every minute while waiting: how long so far and how many are ahead (null: unknown). */
    reassure: (minutes: number, ahead: number | null) => string;
    /** A specialist of this department is free: no minutes that would mislead. */
    soon: string;
    /** Nobody who could answer is online now. */
    nobody: string;
    /** Above the town's other ways to ask (phone, hours, booking here). */
    nobodyLead: string;
    /** When the town offers no other way: no promise of a list that is not there. */
    nobodyWait: string;
    /** The town's other ways (settings): a telephone number and opening hours. */
    phone: (phone: string) => string;
    hours: (hours: string) => string;
  };
  /** 「この窓口で予約する」 when nobody can answer: book a later time at this kiosk, nothing to type. */
  bookHere: {
    /** The offer on the waiting screen, and its line of explanation. */
    offer: string;
    offerHint: string;
    title: string;
    topicTitle: string;
    dayTitle: string;
    dayLead: string;
    laterDays: string;
    earlierDays: string;
    noDays: string;
    /** `day` as the clock writes it. */
    timeTitle: (day: string) => string;
    confirmTitle: string;
    /** No name, no telephone: said before 「予約する」 so nobody hunts for a keyboard. */
    noTyping: string;
    confirm: string;
    submitting: string;
    taken: string;
    noneFree: string;
    failed: string;
    rateLimited: string;
    offline: string;
    loading: string;
    loadFailed: string;
    retry: string;
    doneTitle: string;
    /** The booked time: date and start time as the clock writes them. */
    when: (date: string, time: string) => string;
    codeLabel: string;
    codeLead: string;
    dayOfLead: string;
    qrLabel: string;
    finish: string;
  };
  inCall: {
    staffName: (name: string) => string;
    staffVideo: string;
    /** What the specialist is showing on their screen. */
    sharedScreen: string;
    selfView: string;
    hangUp: string;
    connecting: string;
    waitingForVideo: string;
    unstable: string;
    reconnecting: string;
    /** The server carrying the call stopped and the call is moving to another one. */
    switchingServer: string;
    inCall: string;
    noLocalMedia: string;
    /** The camera alone is missing from the call: the specialist hears but does not see the resident. */
    noCamera: string;
    /** The microphone alone is missing from the call. */
    noMicrophone: string;
    /** The specialist's desk has no camera: instead of waiting for their picture for ever. */
    staffNoCamera: string;
    /** The specialist's desk has no microphone. */
    staffNoMicrophone: string;
    /** Said and shown when a guest joins: 「通訳者が参加しました」. */
    guestJoined: (who: string) => string;
    /** Who a guest is, as a tile's caption and in guestJoined. */
    guestKinds: Record<GuestKind, string>;
    /** Captions on the tiles. */
    staffCaption: string;
    selfCaption: string;
  };
  survey: {
    title: string;
    question: string;
    /** Rating 1 (bad) to 5 (good), in that order. */
    ratings: readonly [string, string, string, string, string];
    skip: string;
  };
  ended: {
    title: string;
    reason: (reason: EndReason) => string | null;
    returning: string;
  };
  /** Installer mode (`#install`): choose the cameras by their pictures. */
  install: {
    title: string;
    lead: string;
    submit: string;
    wrongCode: string;
    cameras: string;
    face: string;
    document: string;
    chosen: string;
    checkMicrophone: string;
    microphoneLevel: (percent: number | null) => string;
    save: string;
    saved: string;
    saveFailed: string;
    close: string;
  };
  /** The installer's connection check (`#check`). */
  check: {
    title: string;
    start: string;
    running: string;
    close: string;
    notReady: string;
    items: { camera: string; microphone: string; speaker: string; udp: string; tcp: string };
    pending: string;
    ok: string;
    failed: string;
    path: (rttMs: number | null, kbps: number | null) => string;
    playTone: string;
    heard: string;
    notHeard: string;
    verdict: { allGood: string; tcpOnly: (ports: string) => string; noMedia: (ports: string) => string; noCamera: string; noMicrophone: string; noSpeaker: string };
    ports: (address: string, ports: string) => string;
  };
  /** The call was answered but no picture or sound got through. */
  mediaFailed: { title: string; lead: string; retryHint: string; retry: string; finish: string };
  fault: {
    offline: string;
    callFailed: string;
    noAnswer: string;
    unexpected: string;
    contact: string;
    returning: string;
  };
  clock: { date: (date: Date) => string; time: (date: Date) => string };
  /** The two buttons in the same corner of every screen. */
  help: { callStaff: string; largeText: string };
  /** 「続けますか？」 after a while without a touch. */
  idleWarning: { title: string; lead: (seconds: number) => string; continue: string };
  callTools: {
    showDocument: string;
    hideDocument: string;
    documentView: string;
    documentFailed: string;
    volume: string;
    volumeDown: string;
    volumeUp: string;
    hangUpQuestion: string;
    hangUpYes: string;
    hangUpNo: string;
    /** The panel with the specialist's typed messages. */
    messages: string;
    /** Under a typed message that has no translation into the resident's language. */
    untranslated: string;
  };
  /** Live captions of the specialist's speech (issue 18). */
  captions: {
    /** The switch: 「字幕を表示」. */
    show: string;
    /** The caption area, for screen readers. */
    area: string;
    /** Shown while captions are on and nothing has been said yet. */
    waiting: string;
    /** The town keeps caption text only if the resident agrees. */
    keepQuestion: string;
    keepYes: string;
    keepNo: string;
  };
  /** Consent before staff photograph the document. */
  snapshot: { question: string; yes: string; no: string; capturing: string; sent: string; failed: string; close: string };
  /** Waiting again after staff handed the call to another department. */
  transferred: (department: string) => string;
  deviceCheck: { title: string; camera: string; microphone: string; documentCamera: string; retry: string };
}

// Japanese municipal time whatever the kiosk PC's own time zone is set to. The contract's
// DISPLAY_TIME_ZONE says the same, but importing it would pull zod into the kiosk bundle.
const TIME_ZONE = 'Asia/Tokyo';

const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** The date and time formats of one locale (the catalogs' `clock` names it), made once: the clock ticks every second. */
export function clockFormats(locale: string): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  let made = formats.get(locale);
  if (!made) {
    made = {
      date: new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'short', timeZone: TIME_ZONE }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE }),
    };
    formats.set(locale, made);
  }
  return made;
}
