import type { EndReason } from '@contract/consultation';

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
    inCall: string;
    noLocalMedia: string;
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
  /** Consent before staff photograph the document. */
  snapshot: { question: string; yes: string; no: string; capturing: string; sent: string; failed: string; close: string };
  /** Waiting again after staff handed the call to another department. */
  transferred: (department: string) => string;
  deviceCheck: { title: string; camera: string; microphone: string; documentCamera: string; retry: string };
}

// Japanese municipal time whatever the kiosk PC's own time zone is set to. The contract's
// DISPLAY_TIME_ZONE says the same, but importing it would pull zod into the kiosk bundle.
const TIME_ZONE = 'Asia/Tokyo';

/** Date and time formatters for one language. */
export function clockFor(locale: string): KioskMessages['clock'] {
  const dateFormat = new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: TIME_ZONE,
  });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TIME_ZONE,
  });
  return { date: (date) => dateFormat.format(date), time: (date) => timeFormat.format(date) };
}
