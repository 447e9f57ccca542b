import type { FreeTime } from '@contract/booking';
import type { Language } from '@contract/languages';
import { api } from './api';
import { h } from './dom';
import { addDays, formatDay, formatTime, japanToday } from './format';
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
  let from = japanToday();

  const button = (time: FreeTime) =>
    h('button', { type: 'button', class: 'time', onclick: () => options.onPick(time) }, formatTime(time.startsAt, language));

  const load = async (): Promise<void> => {
    container.setAttribute('aria-busy', 'true');
    try {
      const { days } = await api.freeTimes({ ...options.target, from, days: WEEK });
      const withTimes = days.filter((d) => d.times.length > 0);
      const nav = h(
        'div',
        { class: 'times__nav' },
        from > japanToday() ? h('button', { type: 'button', class: 'secondary', onclick: () => void move(-WEEK) }, t.earlierDays) : null,
        days.length === WEEK ? h('button', { type: 'button', class: 'secondary', onclick: () => void move(WEEK) }, t.laterDays) : null,
      );
      container.replaceChildren(
        ...(withTimes.length === 0 ? [h('p', {}, t.noTimes)] : []),
        ...withTimes.map((d) =>
          h('fieldset', { class: 'day' }, h('legend', {}, formatDay(d.day, language)), h('div', { class: 'day__times' }, ...d.times.map(button))),
        ),
        nav,
      );
    } catch (error) {
      options.onError(error);
    } finally {
      container.removeAttribute('aria-busy');
    }
  };
  const move = async (days: number): Promise<void> => {
    from = addDays(from, days);
    await load();
  };

  if (options.suggested && options.suggested.length > 0) {
    container.append(h('div', { class: 'day__times' }, ...options.suggested.map(button)));
  } else {
    void load();
  }
  return container;
}
