import type { PublicBooking } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';
import { api } from './api';
import { h } from './dom';
import { formatDateTime } from './format';
import type { BookingMessages } from './messages';

/** The booking as the resident keeps it: when, where, the check-in code and its QR, the .ics and (once) the link. */
export function bookingCard(options: { booking: PublicBooking; token: string; t: BookingMessages; language: Language; showLink: boolean }): HTMLElement {
  const { booking, t, language, token } = options;
  const qr = h('div', { class: 'qr', role: 'img', 'aria-label': `${t.code} ${booking.checkInCode ?? ''}` });
  // The SVG comes from our own server (qrcode's output), never from another resident's input.
  if (booking.checkInQrSvg) qr.innerHTML = booking.checkInQrSvg;
  const linkUrl = `${location.origin}${location.pathname}#/b/${token}`;
  return h(
    'div',
    { class: 'card' },
    h('p', { class: 'status' }, t.status[booking.status]),
    h(
      'dl',
      { class: 'summary' },
      h('dt', {}, t.when), h('dd', {}, formatDateTime(booking.startsAt, language)),
      h('dt', {}, t.where), h('dd', {}, `${booking.kioskName}（${booking.kioskLocation}）`, booking.kioskAddress ? h('br') : null, booking.kioskAddress),
      h('dt', {}, t.what), h('dd', {}, `${booking.departmentName} · ${booking.topicName}`),
    ),
    booking.checkInCode
      ? h('section', { class: 'code', 'aria-labelledby': 'code-heading' }, h('h3', { id: 'code-heading' }, t.code), h('p', { class: 'code__digits', 'data-testid': 'check-in-code' }, booking.checkInCode), qr, h('p', {}, t.codeHint))
      : null,
    booking.checkInCode ? h('a', { class: 'button secondary', href: api.icsUrl(token), download: 'madoguchi-booking.ics' }, t.ics) : null,
    options.showLink ? h('section', { class: 'link' }, h('h3', {}, t.link), h('a', { href: linkUrl, 'data-testid': 'manage-link', rel: 'noreferrer' }, linkUrl), h('p', {}, t.linkHint)) : null,
  );
}
