import { z } from './zod';
import type { Language } from './languages';
import { multiLine, singleLine } from './text';

/**
 * 書かない窓口: application forms that staff fill in during a call and the resident confirms and
 * signs on the kiosk. Templates are versioned; a document always names the exact version row it
 * was made from, and the kiosk signs one revision of the values it was shown.
 */

export const FORM_FIELD_TYPES = ['text', 'kana', 'date', 'choice', 'checkbox', 'address', 'phone', 'number'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** What a field can be filled in with from the booking when staff open the form. */
export const FORM_PREFILLS = ['residentName', 'residentKana', 'language'] as const;
export type FormPrefill = (typeof FORM_PREFILLS)[number];

const id = z.uuid();

/** A label in Japanese, with the kiosk languages it has been translated into. */
const translated = () => singleLine().min(1).max(120).optional();
export const LocalizedLabel = z
  .object({ ja: singleLine().min(1).max(80), 'ja-easy': translated(), en: translated(), zh: translated(), ko: translated(), vi: translated(), pt: translated(), es: translated() })
  .strict();
export type LocalizedLabel = z.infer<typeof LocalizedLabel>;

export const FormChoiceOption = z.object({ value: singleLine().min(1).max(40), label: LocalizedLabel }).strict();

export const FormFieldDef = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'a key is a short ASCII name starting with a lower-case letter'),
    type: z.enum(FORM_FIELD_TYPES),
    label: LocalizedLabel,
    required: z.boolean().default(false),
    prefill: z.enum(FORM_PREFILLS).optional(),
    /** choice: the allowed values. */
    options: z.array(FormChoiceOption).min(2).max(20).optional(),
    /** date: shown in 和暦 (with the 西暦 beside it) or in 西暦 only. */
    calendar: z.enum(['wareki', 'seireki']).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === 'choice' && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs its options' });
    if (field.type !== 'choice' && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice fields have options' });
    if (field.type !== 'date' && field.calendar) ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'only date fields have a calendar' });
    if (field.type === 'checkbox' && field.prefill) ctx.addIssue({ code: 'custom', path: ['prefill'], message: 'a checkbox cannot be filled from the booking' });
    if (field.type === 'choice' && field.options && new Set(field.options.map((o) => o.value)).size !== field.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must differ' });
    }
  });
export type FormFieldDef = z.infer<typeof FormFieldDef>;

/** What an admin saves (設定 → 申請書式); every save of an existing template is a new version. */
export const FormTemplateInput = z
  .object({
    title: LocalizedLabel,
    departmentId: id.nullable(),
    /** Printed under the title on the PDF (e.g. the legal basis). */
    note: multiLine().max(400).default(''),
    fields: z.array(FormFieldDef).min(1).max(40),
  })
  .strict()
  .superRefine((template, ctx) => {
    const keys = template.fields.map((f) => f.key);
    const dup = keys.find((key, i) => keys.indexOf(key) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['fields'], message: `two fields use the key ${dup}` });
  });
export type FormTemplateInput = z.infer<typeof FormTemplateInput>;

export const FormTemplateArchive = z.object({ archived: z.boolean() }).strict();
/** Admins may list archived templates too (設定 → 申請書式). */
export const FormTemplateListQuery = z.object({ archived: z.enum(['true', 'false']).optional() }).strict();

/** One version of a template, as stored. */
export interface FormTemplate extends Omit<FormTemplateInput, 'departmentId'> {
  /** The version row: documents refer to this. */
  templateId: string;
  /** The template across its versions. */
  familyId: string;
  version: number;
  departmentId: string | null;
  departmentName: string | null;
  archived: boolean;
  createdAt: string;
}

/** A value as typed by staff: dates as YYYY-MM-DD, checkboxes as booleans, everything else as text. */
export const FormValue = z.union([singleLine().max(200), z.boolean(), z.null()]);
export const FormValues = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/), FormValue).refine((values) => Object.keys(values).length <= 40, 'too many values');
export type FormValues = z.infer<typeof FormValues>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KANA = /^[\u3041-\u3096\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$/;
const PHONE = /^[0-9+][0-9-]{5,19}$/;

/** Checks values against the template: the same rules on the staff console, the server and the kiosk. */
export function formValueProblems(fields: readonly FormFieldDef[], values: FormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) problems[key] = 'unknown';
  for (const field of fields) {
    const value = values[field.key];
    const empty = value === undefined || value === null || value === '' || (field.type === 'checkbox' && value === false);
    if (empty) {
      if (field.required) problems[field.key] = 'required';
      continue;
    }
    if (field.type === 'checkbox') {
      if (typeof value !== 'boolean') problems[field.key] = 'invalid';
      continue;
    }
    if (typeof value !== 'string') {
      problems[field.key] = 'invalid';
      continue;
    }
    if (field.type === 'date') {
      const match = DATE.exec(value);
      const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      if (!date || date.toISOString().slice(0, 10) !== value || date.getUTCFullYear() < 1868) problems[field.key] = 'invalid';
    } else if (field.type === 'kana' && !KANA.test(value)) problems[field.key] = 'invalid';
    else if (field.type === 'phone' && !PHONE.test(value)) problems[field.key] = 'invalid';
    else if (field.type === 'number' && !/^-?\d{1,12}(\.\d{1,4})?$/.test(value)) problems[field.key] = 'invalid';
    else if (field.type === 'choice' && !field.options?.some((o) => o.value === value)) problems[field.key] = 'invalid';
  }
  return problems;
}

/** 和暦 with the Japanese calendar of Intl (e.g. 令和8年12月4日), for a YYYY-MM-DD value. */
export function formatWareki(value: string): string {
  const match = DATE.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A value as the resident, the PDF and the record show it (labels of choices in Japanese). */
export function displayFormValue(field: FormFieldDef, value: FormValues[string] | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'checkbox') return value === true ? 'はい' : '';
  if (typeof value !== 'string') return '';
  if (field.type === 'date') {
    const seireki = value.replace(DATE, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
    return field.calendar === 'seireki' ? seireki : `${formatWareki(value)}（${seireki}）`;
  }
  if (field.type === 'choice') return field.options?.find((o) => o.value === value)?.label.ja ?? value;
  return value;
}

export const labelIn = (label: LocalizedLabel, language: Language): string => label[language] ?? label.ja;

/** A signature drawn on the kiosk: strokes of points in the box's own coordinates (0..1000 × 0..400). */
export const SIGNATURE_BOX = { width: 1000, height: 400 } as const;
const Point = z.tuple([z.number().int().min(0).max(SIGNATURE_BOX.width), z.number().int().min(0).max(SIGNATURE_BOX.height)]);
export const SignatureStrokes = z
  .array(z.array(Point).min(1).max(2000))
  .min(1)
  .max(60)
  .refine((strokes) => strokes.reduce((n, s) => n + s.length, 0) <= 4000, 'the signature has too many points')
  .refine((strokes) => strokes.reduce((n, s) => n + s.length, 0) >= 5, 'the signature is too short');
export type SignatureStrokes = z.infer<typeof SignatureStrokes>;

/** Where a document is: shown to the resident, sent back for a correction, signed, or refused. */
export const FORM_DOCUMENT_STATES = ['shown', 'correction_asked', 'signed', 'refused', 'withdrawn'] as const;
export type FormDocumentState = (typeof FORM_DOCUMENT_STATES)[number];

/** Socket payloads. */
export const PushFormPayload = z
  .object({ consultationId: id, templateId: id, values: FormValues, documentId: id.optional() })
  .strict();
export type PushFormPayload = z.infer<typeof PushFormPayload>;
export const FormRevisionPayload = z.object({ consultationId: id, documentId: id, revision: z.number().int().min(1).max(1000) }).strict();
export type FormRevisionPayload = z.infer<typeof FormRevisionPayload>;
export const AskFormCorrectionPayload = FormRevisionPayload.extend({ fieldKey: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/) }).strict();
export type AskFormCorrectionPayload = z.infer<typeof AskFormCorrectionPayload>;
export const SignFormPayload = FormRevisionPayload.extend({ strokes: SignatureStrokes }).strict();
export type SignFormPayload = z.infer<typeof SignFormPayload>;
export const WithdrawFormPayload = z.object({ consultationId: id, documentId: id }).strict();
export type WithdrawFormPayload = z.infer<typeof WithdrawFormPayload>;

/** What the kiosk is shown: the template version's fields and the values of one revision. */
export interface FormShown {
  consultationId: string;
  documentId: string;
  revision: number;
  title: LocalizedLabel;
  fields: FormFieldDef[];
  values: FormValues;
}

/** A document as staff and the record see it (no signature, no PDF bytes). */
export interface FormDocumentInfo {
  documentId: string;
  consultationId: string;
  templateId: string;
  templateVersion: number;
  title: string;
  revision: number;
  state: FormDocumentState;
  correctionField: string | null;
  createdAt: string;
  signedAt: string | null;
  refusedAt: string | null;
  pdfSha256: string | null;
  pdfBytes: number | null;
}

export interface SignFormResult {
  documentId: string;
  sha256: string;
  /** The town lets the kiosk print a copy for the resident. */
  printCopy: boolean;
}

/** The town's setting for the signed copy printed at the kiosk. */
export const FormSettings = z.object({ kioskPrintCopy: z.boolean() }).strict();
export type FormSettings = z.infer<typeof FormSettings>;

/** Notifications of the form feature (merged into ServerToClientEvents). */
export interface FormServerEvents {
  /** kiosk: a form (or a corrected revision) to show the resident. */
  formShown: (payload: FormShown) => void;
  /** staff: the resident pointed at a field that is wrong. */
  formCorrectionAsked: (payload: { consultationId: string; documentId: string; revision: number; fieldKey: string }) => void;
  /** kiosk: staff withdrew the form; clear it from the screen now. */
  formWithdrawn: (payload: { consultationId: string; documentId: string }) => void;
  /** staff: a document was signed (署名済み) or refused. */
  formUpdated: (payload: FormDocumentInfo) => void;
}
