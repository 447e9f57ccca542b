import type { FreeTime } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';
import { api } from './api';
import { h } from './dom';
import { addDays, formatDateTime, formatDay, formatTime } from './format';
import type { BookingMessages } from './messages';

export interface TimePickerOptions {
  target: { departmentId: string; topicId: string; kioskId: string };
  language: Language;
  t: BookingMessages;
  /** Times to show first (the next free ones after a time was taken meanwhile). */
  suggested?: FreeTime[];
  onPick: (time: FreeTime) => void;
  onError: (error: unknown) => void;
}

const WEEK = 7;

/** Seven Japan days at a time, each with its free times as large buttons. */
export function timePicker(options: TimePickerOptions): HTMLElement {
  const { t, language } = options;
  const container = h('div', { class: 'times', 'aria-live': 'polite' });
  // The server's today decides where the search starts (the phone's clock may be off); each
  // later page starts the day after the last one shown.
  const pages: (string | undefined)[] = [undefined];

  const button = (time: FreeTime, withDay = false) =>
    h('button', { type: 'button', class: 'time', onclick: () => options.onPick(time) }, withDay ? formatDateTime(time.startsAt, language) : formatTime(time.startsAt, language));

  const load = async (): Promise<void> => {
    container.setAttribute('aria-busy', 'true');
    try {
      const { days } = await api.freeTimes({ ...options.target, from: pages[pages.length - 1], days: WEEK });
      const withTimes = days.filter((d) => d.times.length > 0);
      const last = days[days.length - 1]?.day;
      const nav = h(
        'div',
        { class: 'times__nav' },
        pages.length > 1 ? h('button', { type: 'button', class: 'secondary', onclick: () => void (pages.pop(), load()) }, t.earlierDays) : null,
        days.length === WEEK && last ? h('button', { type: 'button', class: 'secondary', onclick: () => void (pages.push(addDays(last, 1)), load()) }, t.laterDays) : null,
      );
      container.replaceChildren(
        ...(withTimes.length === 0 ? [h('p', {}, t.noTimes)] : []),
        ...withTimes.map((d) =>
          h('fieldset', { class: 'day' }, h('legend', {}, formatDay(d.day, language)), h('div', { class: 'day__times' }, ...d.times.map((time) => button(time)))),
        ),
        nav,
      );
    } catch (error) {
      options.onError(error);
    } finally {
      container.removeAttribute('aria-busy');
    }
  };

  if (options.suggested && options.suggested.length > 0) {
    container.append(
      h('div', { class: 'suggested' }, ...options.suggested.map((time) => button(time, true))),
      h('button', { type: 'button', class: 'secondary', onclick: () => void load() }, t.laterDays),
    );
  } else {
    void load();
  }
  return container;
}
