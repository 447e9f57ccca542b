import type { PublicBooking, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';
import { api, ApiError } from './api';
import { bookingCard } from './booking-card';
import { h, show } from './dom';
import { formatDateTime } from './format';
import { messagesFor } from './messages';
import { timePicker } from './time-picker';
import { errorText } from './error-text';

/** The private link's page: the booking, and while it is allowed, moving it or cancelling it. */
export function startManage(root: HTMLElement, token: string, language: Language, justBooked?: PublicBooking): void {
  const t = messagesFor(language);
  const alert = h('p', { role: 'alert', class: 'error' });
  const notice = h('p', { role: 'status', class: 'notice' });
  const fail = (error: unknown) => {
    alert.textContent = errorText(error, t);
  };

  const view = (booking: PublicBooking, message = '', first = false) => {
    notice.textContent = message;
    alert.textContent = '';
    const actions = booking.changeable
      ? h(
          'div',
          { class: 'actions' },
          h('p', {}, t.changeUntil(formatDateTime(booking.changeableUntil, language))),
          h('button', { type: 'button', class: 'primary', onclick: () => moving(booking) }, t.move),
          h('button', { type: 'button', class: 'danger', onclick: () => confirmCancel(booking) }, t.cancel),
        )
      : booking.status === 'scheduled'
        ? h('p', {}, t.cannotChange)
        : null;
    // Right after booking, the page shows the link once (it is this page's own address from now on).
    show(root, h('h2', {}, first ? t.booked : t.manageHeading), notice, bookingCard({ booking, token, t, language, showLink: first }), actions ?? h('span'), alert);
  };
  const moving = (booking: PublicBooking, suggested?: SlotTakenDetails['nextFreeTimes']) => {
    if (!booking.topicId) return;
    alert.textContent = '';
    show(
      root,
      h('h2', {}, t.move),
      ...(suggested ? [h('p', {}, t.errors.slotTaken)] : []),
      timePicker({
        target: { departmentId: booking.departmentId, topicId: booking.topicId, kioskId: booking.kioskId },
        language,
        t,
        suggested,
        onPick: (time) => {
          api
            .move(token, time.startsAt)
            .then((moved) => view(moved, t.moved))
            .catch((error: unknown) => {
              const details = error instanceof ApiError ? (error.body?.details as SlotTakenDetails | undefined) : undefined;
              if (details?.reason === 'slot_taken') moving(booking, details.nextFreeTimes);
              else fail(error);
            });
        },
        onError: fail,
      }),
      h('button', { type: 'button', class: 'secondary', onclick: () => view(booking) }, t.back),
      alert,
    );
  };
  const confirmCancel = (booking: PublicBooking) => {
    show(
      root,
      h('h2', {}, t.confirmCancel),
      h('p', {}, formatDateTime(booking.startsAt, language)),
      h('button', { type: 'button', class: 'danger', onclick: () => void api.cancel(token).then((b) => view(b, t.cancelled)).catch(fail) }, t.cancel),
      h('button', { type: 'button', class: 'secondary', onclick: () => view(booking) }, t.keep),
      alert,
    );
  };

  if (justBooked) {
    view(justBooked, '', true);
    return;
  }
  show(root, h('p', { 'aria-busy': 'true' }, '…'));
  api
    .view(token)
    .then((booking) => view(booking))
    .catch((error: unknown) => {
      show(root, h('h2', {}, t.manageHeading), alert);
      fail(error);
    });
}
