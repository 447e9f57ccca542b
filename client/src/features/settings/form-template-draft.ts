import { FormTemplateInput, type FormFieldType, type FormPrefill, type FormTemplate, type LocalizedLabel } from '@madoguchi/contract/forms';

/**
 * The template being edited in 設定 → 申請書式, one field at a time. The draft keeps what the
 * inputs show (empty strings included, options of a field whose type was switched away from
 * choice, so switching back loses nothing); `templateInputOf` turns it into what the contract's
 * zod schema checks, here and again on the server.
 */
export interface OptionDraft {
  value: string;
  label: LocalizedLabel;
}

export interface FieldDraft {
  /** Stable across reordering: React's key and the anchor of a field's problems. */
  uid: number;
  key: string;
  type: FormFieldType;
  label: LocalizedLabel;
  required: boolean;
  prefill: FormPrefill | '';
  calendar: 'wareki' | 'seireki';
  options: OptionDraft[];
}

export interface TemplateDraft {
  title: LocalizedLabel;
  departmentId: string | null;
  note: string;
  fields: FieldDraft[];
  nextUid: number;
}

const emptyOptions = (): OptionDraft[] => [
  { value: 'option1', label: { ja: '' } },
  { value: 'option2', label: { ja: '' } },
];

function newField(uid: number, key: string): FieldDraft {
  return { uid, key, type: 'text', label: { ja: '' }, required: false, prefill: '', calendar: 'wareki', options: emptyOptions() };
}

/** A key no other field uses: field1, field2, … (admins rarely need to choose one). */
function freeKey(fields: readonly FieldDraft[]): string {
  const taken = new Set(fields.map((f) => f.key));
  for (let n = fields.length + 1; ; n += 1) if (!taken.has(`field${n}`)) return `field${n}`;
}

export function draftOf(template: FormTemplate | null): TemplateDraft {
  if (!template) {
    return {
      title: { ja: '' },
      departmentId: null,
      note: '',
      fields: [{ ...newField(1, 'applicantName'), label: { ja: '氏名', en: 'Full name' }, required: true, prefill: 'residentName' }],
      nextUid: 2,
    };
  }
  const fields = template.fields.map((field, i): FieldDraft => ({
    uid: i + 1,
    key: field.key,
    type: field.type,
    label: { ...field.label },
    required: field.required,
    prefill: field.prefill ?? '',
    calendar: field.calendar ?? 'wareki',
    options: field.options ? field.options.map((o) => ({ value: o.value, label: { ...o.label } })) : emptyOptions(),
  }));
  return { title: { ...template.title }, departmentId: template.departmentId, note: template.note, fields, nextUid: fields.length + 1 };
}

/** Translations left empty are dropped: the kiosk then shows the Japanese label. */
function cleanLabel(label: LocalizedLabel): LocalizedLabel {
  const out: Record<string, string> = {};
  for (const [language, text] of Object.entries(label)) {
    const trimmed = (text ?? '').trim();
    if (language === 'ja' || trimmed) out[language] = trimmed;
  }
  return out as LocalizedLabel;
}

/** What is sent to the server; only the properties the field's type has. */
export function templateInputOf(draft: TemplateDraft): unknown {
  return {
    title: cleanLabel(draft.title),
    departmentId: draft.departmentId,
    note: draft.note,
    fields: draft.fields.map((field) => ({
      key: field.key.trim(),
      type: field.type,
      label: cleanLabel(field.label),
      required: field.required,
      ...(field.prefill && field.type !== 'checkbox' ? { prefill: field.prefill } : {}),
      ...(field.type === 'date' ? { calendar: field.calendar } : {}),
      ...(field.type === 'choice' ? { options: field.options.map((o) => ({ value: o.value.trim(), label: cleanLabel(o.label) })) } : {}),
    })),
  };
}

export function addField(draft: TemplateDraft): TemplateDraft {
  return { ...draft, fields: [...draft.fields, newField(draft.nextUid, freeKey(draft.fields))], nextUid: draft.nextUid + 1 };
}

export function removeField(draft: TemplateDraft, uid: number): TemplateDraft {
  return { ...draft, fields: draft.fields.filter((f) => f.uid !== uid) };
}

/** Moves a field one place up (-1) or down (+1); at either end nothing changes. */
export function moveField(draft: TemplateDraft, uid: number, by: -1 | 1): TemplateDraft {
  const from = draft.fields.findIndex((f) => f.uid === uid);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.fields.length) return draft;
  const fields = [...draft.fields];
  const [moved] = fields.splice(from, 1);
  if (moved) fields.splice(to, 0, moved);
  return { ...draft, fields };
}

export function updateField(draft: TemplateDraft, uid: number, patch: Partial<Omit<FieldDraft, 'uid'>>): TemplateDraft {
  return { ...draft, fields: draft.fields.map((f) => (f.uid === uid ? { ...f, ...patch } : f)) };
}

/** The problems of a draft, in words an admin can act on, attached to the field they concern. */
export interface DraftProblems {
  /** Problems of the title, the note or the list as a whole. */
  general: string[];
  byField: Map<number, string[]>;
}

export type ProblemWords = (path: readonly (string | number)[], code: string, message: string) => string;

export function draftProblems(draft: TemplateDraft, words: ProblemWords): { input: FormTemplateInput | null; problems: DraftProblems } {
  const checked = FormTemplateInput.safeParse(templateInputOf(draft));
  const problems: DraftProblems = { general: [], byField: new Map() };
  if (checked.success) return { input: checked.data, problems };
  for (const issue of checked.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const text = words(path, issue.code, issue.message);
    const field = path[0] === 'fields' && typeof path[1] === 'number' ? draft.fields[path[1]] : undefined;
    if (field) {
      const list = problems.byField.get(field.uid) ?? [];
      if (!list.includes(text)) list.push(text);
      problems.byField.set(field.uid, list);
    } else if (!problems.general.includes(text)) problems.general.push(text);
  }
  return { input: null, problems };
}
