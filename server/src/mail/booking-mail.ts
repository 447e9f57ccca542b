import type { ClaimedMessage } from '../db/repositories/outbox-repository';
import { MAIL_TEXTS } from './booking-mail-texts';

export interface RenderedMail {
  subject: string;
  text: string;
}

/** A notice in the resident's language: what happened, when and where, the code and the private link. */
export function renderBookingMail(message: ClaimedMessage, link: string | null): RenderedMail {
  const t = MAIL_TEXTS[message.language];
  const when = new Intl.DateTimeFormat(t.locale, {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(message.startsAt);
  const open = message.kind !== 'cancelled';
  const lines = [
    t.greeting(message.residentName),
    '',
    t.titles[message.kind],
    '',
    `${t.when}: ${when}`,
    `${t.where}: ${message.kioskName}（${message.kioskLocation}）${message.kioskAddress ? ` ${message.kioskAddress}` : ''}`,
    `${t.what}: ${message.departmentName}${message.topic ? ` / ${message.topic}` : ''}`,
    ...(open ? ['', `${t.code}: ${message.checkInCode}`, t.codeHint] : []),
    ...(open && link ? ['', `${t.link}:`, link] : []),
    '',
    '--',
    t.footer,
  ];
  return { subject: t.titles[message.kind], text: `${lines.join('\n')}\n` };
}
