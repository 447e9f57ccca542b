import type { BookingRulesInput, BookingRulesView, OpeningInterval } from '@madoguchi/contract/booking';

/** Weekly hours as the admin types them: one text per weekday, e.g. 「09:00-12:00, 13:00-17:00」; empty is closed. */
export type WeekText = Record<number, string>;

export interface TopicDraft {
  id?: string | undefined;
  name: string;
  slotMinutes: string;
}

export interface BookingRulesDraft {
  horizonDays: string;
  leadMinutes: string;
  changeCutoffMinutes: string;
  maxOpenPerContact: string;
  departments: Record<string, { bookable: boolean; capacity: string; hours: WeekText; topics: TopicDraft[] }>;
  kiosks: Record<string, { bookable: boolean; hours: WeekText }>;
  /** One per line: 「2030-04-29 昭和の日」. */
  blockedDays: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const INTERVAL = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–〜~]\s*([01]\d|2[0-3]):([0-5]\d)$/;

export function weekText(hours: OpeningInterval[]): WeekText {
  const text: WeekText = {};
  for (const day of WEEKDAYS) {
    text[day] = hours
      .filter((h) => h.weekday === day)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${h.opens}-${h.closes}`)
      .join(', ');
  }
  return text;
}

/** The intervals typed for each weekday, or the first weekday whose text does not read. */
export function parseWeek(text: WeekText): { hours: OpeningInterval[] } | { badWeekday: number } {
  const hours: OpeningInterval[] = [];
  for (const day of WEEKDAYS) {
    for (const part of (text[day] ?? '').split(/[,、]/).map((p) => p.trim()).filter(Boolean)) {
      const match = INTERVAL.exec(part);
      if (!match) return { badWeekday: day };
      const opens = `${match[1]}:${match[2]}`;
      const closes = `${match[3]}:${match[4]}`;
      if (opens >= closes) return { badWeekday: day };
      hours.push({ weekday: day, opens, closes });
    }
  }
  return { hours };
}

export function draftOf(view: BookingRulesView, departmentIds: string[], kioskIds: string[]): BookingRulesDraft {
  const departments: BookingRulesDraft['departments'] = {};
  for (const id of departmentIds) {
    const rule = view.departments.find((d) => d.departmentId === id);
    departments[id] = {
      bookable: rule?.bookable ?? false,
      capacity: String(rule?.capacity ?? 1),
      hours: weekText(rule?.hours ?? []),
      topics: (rule?.topics ?? []).map((t) => ({ id: t.id, name: t.name, slotMinutes: String(t.slotMinutes) })),
    };
  }
  const kiosks: BookingRulesDraft['kiosks'] = {};
  for (const id of kioskIds) {
    const rule = view.kiosks.find((k) => k.kioskId === id);
    kiosks[id] = { bookable: rule?.bookable ?? false, hours: weekText(rule?.hours ?? []) };
  }
  return {
    horizonDays: String(view.policy.horizonDays),
    leadMinutes: String(view.policy.leadMinutes),
    changeCutoffMinutes: String(view.policy.changeCutoffMinutes),
    maxOpenPerContact: String(view.policy.maxOpenPerContact),
    departments,
    kiosks,
    blockedDays: view.blockedDays.map((b) => `${b.day} ${b.label}`.trim()).join('\n'),
  };
}

export type DraftProblem = { kind: 'hours'; owner: string; weekday: number } | { kind: 'blockedDay'; line: string } | { kind: 'number'; field: string };

/** The request body, or what the admin must fix first (the server checks everything again). */
export function bodyOf(draft: BookingRulesDraft): { body: BookingRulesInput } | { problem: DraftProblem } {
  const num = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : NaN);
  for (const field of ['horizonDays', 'leadMinutes', 'changeCutoffMinutes', 'maxOpenPerContact'] as const) {
    if (Number.isNaN(num(draft[field]))) return { problem: { kind: 'number', field } };
  }
  const departments: BookingRulesInput['departments'] = [];
  for (const [departmentId, d] of Object.entries(draft.departments)) {
    const week = parseWeek(d.hours);
    if ('badWeekday' in week) return { problem: { kind: 'hours', owner: departmentId, weekday: week.badWeekday } };
    const topics = d.topics.filter((t) => t.name.trim()).map((t) => ({ id: t.id, name: t.name.trim(), slotMinutes: num(t.slotMinutes) }));
    if (!d.bookable && week.hours.length === 0 && topics.length === 0) continue;
    departments.push({ departmentId, bookable: d.bookable, capacity: num(d.capacity), hours: week.hours, topics });
  }
  const kiosks: BookingRulesInput['kiosks'] = [];
  for (const [kioskId, k] of Object.entries(draft.kiosks)) {
    const week = parseWeek(k.hours);
    if ('badWeekday' in week) return { problem: { kind: 'hours', owner: kioskId, weekday: week.badWeekday } };
    if (!k.bookable && week.hours.length === 0) continue;
    kiosks.push({ kioskId, bookable: k.bookable, hours: week.hours });
  }
  const blockedDays: BookingRulesInput['blockedDays'] = [];
  for (const line of draft.blockedDays.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const match = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(line);
    if (!match?.[1]) return { problem: { kind: 'blockedDay', line } };
    blockedDays.push({ day: match[1], label: (match[2] ?? '').slice(0, 60) });
  }
  return {
    body: {
      policy: {
        horizonDays: num(draft.horizonDays),
        leadMinutes: num(draft.leadMinutes),
        changeCutoffMinutes: num(draft.changeCutoffMinutes),
        maxOpenPerContact: num(draft.maxOpenPerContact),
      },
      departments,
      kiosks,
      blockedDays,
    },
  };
}
