import type { EndReason } from '@contract/consultation';
import { clockFor } from './kiosk-messages';
import type { KioskMessages } from './kiosk-messages';

const END_REASON_NOTE: Partial<Record<EndReason, string>> = {
  network_lost: 'The call ended because the connection was lost.',
  server_restart: 'The call ended because of a system problem.',
  transferred: 'You have been connected to another counter.',
};

export const kioskEn: KioskMessages = {
  appTitle: 'Madoguchi video consultation',
  starting: 'Getting ready. Please wait a moment.',
  languageGroup: 'Language / 言語',
  idle: {
    lead: 'Talk with a city hall staff member by video call.',
    begin: 'Start',
    notReady: 'Connecting. Please wait a moment.',
  },
  start: {
    title: 'Please choose one',
    booked: 'I have an appointment',
    bookedHint: 'You have a check-in number or QR code',
    walkIn: 'No appointment',
    walkInHint: 'Talk with the next available staff member',
  },
  checkIn: {
    title: 'Enter your check-in number',
    lead: 'The 6-digit number you received when you booked.',
    submit: 'Check in',
    submitting: 'Checking…',
    notFound: 'We could not find this number. Please check it and try again.',
    tooEarly: 'It is too early to check in. Please try again closer to your appointment time.',
    tooLate: 'Your appointment time has passed. Please choose “No appointment” instead.',
    rateLimited: 'Please wait a little and try again.',
    offline: 'Could not connect. Please try again.',
    useQr: 'Scan QR code',
    useKeypad: 'Type the number',
    qrLead: 'Hold the QR code on your slip up to the camera.',
    qrCameraError: 'The camera is not available. Please type the number.',
  },
  keypad: {
    backspace: 'Delete',
    clear: 'Clear',
    codeLabel: 'Number entered',
  },
  walkIn: {
    title: 'What would you like to talk about?',
    lead: 'Choose the closest one.',
    unsure: 'Not sure / Other',
  },
  pairing: {
    title: 'Register this kiosk',
    lead: 'Enter the 8-digit code shown in the admin screen.',
    revoked: 'The registration of this kiosk was revoked.',
    submit: 'Register',
    submitting: 'Registering…',
    wrongCode: 'The code is wrong or has expired. Issue a new code in the admin screen.',
    rateLimited: 'Please wait a little and try again.',
    offline: 'Could not reach the server. Check the network and try again.',
    cancel: 'Cancel',
  },
  back: 'Back',
  waiting: {
    title: 'Calling a staff member',
    resident: (name) => `${name}, we will call you in turn.`,
    lead: 'Please wait here. The screen will change when a staff member answers.',
    position: (position) => `Your place in line: ${position}`,
    cancel: 'Stop',
    reconnecting: 'Checking the connection. You keep your place in line.',
  },
  inCall: {
    staffName: (name) => `Staff: ${name}`,
    staffVideo: 'Staff video',
    selfView: 'Your video',
    hangUp: 'End call',
    connecting: 'Connecting…',
    waitingForVideo: 'Waiting for video…',
    unstable: 'The connection is unstable…',
    reconnecting: 'Reconnecting…',
    inCall: 'In call',
    noLocalMedia: 'The camera or microphone is not working. The staff member may not see or hear you.',
  },
  survey: {
    title: 'Thank you for using this service',
    question: 'How was your consultation today?',
    ratings: ['Very bad', 'Bad', 'OK', 'Good', 'Very good'],
    skip: 'Skip',
  },
  ended: {
    title: 'Thank you for using this service',
    reason: (reason) => END_REASON_NOTE[reason] ?? null,
    returning: 'Returning to the first screen soon.',
  },
  fault: {
    offline: 'Not available right now. Reconnecting automatically.',
    callFailed: 'We could not call a staff member. Please try again.',
    noAnswer: 'No staff member can answer right now. Please try again later.',
    unexpected: 'Something went wrong.',
    contact: 'Please contact the administrator.',
    returning: 'Returning to the first screen soon.',
  },
  clock: clockFor('en-US'),
};
