/** Names for the ids a history entry mentions; unknown ids come back as null. */
export interface NameLookup {
  kiosk(id: string): string | null;
  staff(id: string): string | null;
}

export interface ChangeDetailTexts {
  from: string;
  to: string;
  slot: string;
  reason: string;
  unassigned: string;
  none: string;
  /** Formats an instant in Japan time. */
  instant: (iso: string) => string;
  /** Formats the end of a slot (time only when on the same day). */
  endTime: (iso: string) => string;
}

export interface DetailLine {
  label: string;
  text: string;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SLOT_KEYS = new Set(['startsAt', 'endsAt', 'kioskId', 'staffId']);

/** 「2026/12/16(水) 10:00–10:30 · 中央図書館 · 担当未定」 from a slot's fields. */
function slotText(fields: Fields, names: NameLookup, t: ChangeDetailTexts): string {
  const parts: string[] = [];
  if (typeof fields['startsAt'] === 'string') {
    const end = typeof fields['endsAt'] === 'string' ? `–${t.endTime(fields['endsAt'])}` : '';
    parts.push(`${t.instant(fields['startsAt'])}${end}`);
  }
  if (typeof fields['kioskId'] === 'string') parts.push(names.kiosk(fields['kioskId']) ?? fields['kioskId']);
  if ('staffId' in fields) parts.push(typeof fields['staffId'] === 'string' ? (names.staff(fields['staffId']) ?? fields['staffId']) : t.unassigned);
  return parts.join(' · ');
}

function valueText(value: unknown, t: ChangeDetailTexts): string {
  if (value === null || value === undefined || value === '') return t.none;
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? t.instant(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * A history entry's details as labelled lines: a reschedule's before and after slots,
 * a new booking's slot, the cancel reason, and anything else as `key: value`.
 */
export function describeChangeDetails(details: Fields, names: NameLookup, t: ChangeDetailTexts): DetailLine[] {
  const lines: DetailLine[] = [];
  const slotFields: Fields = {};
  for (const [key, value] of Object.entries(details)) {
    if ((key === 'from' || key === 'to') && isFields(value)) lines.push({ label: t[key], text: slotText(value, names, t) });
    else if (SLOT_KEYS.has(key)) slotFields[key] = value;
    else if (key === 'reason') lines.push({ label: t.reason, text: valueText(value, t) });
    else lines.push({ label: key, text: valueText(value, t) });
  }
  if (Object.keys(slotFields).length > 0) lines.unshift({ label: t.slot, text: slotText(slotFields, names, t) });
  // Before comes first, whatever order the server wrote them in.
  return lines.sort((a, b) => Number(b.label === t.from) - Number(a.label === t.from));
}
