import { OUTCOME_CODES, CONSULTATION_STATES } from '@madoguchi/contract/consultation';
import type { ConsultationKind, ConsultationState, OutcomeCode } from '@madoguchi/contract/consultation';
import type { RecordFilter } from '../../api/consultations-api';
import { isLocalDate } from '../../time/jst';

export const CONSULTATION_STATE_CHOICES = CONSULTATION_STATES;
export const CONSULTATION_KINDS = ['booked', 'walk_in'] as const satisfies readonly ConsultationKind[];
export const CONSULTATIONS_PAGE_SIZE = 50;

/** The filter form as typed: '' means "any". */
export interface RecordFilterForm {
  from: string;
  to: string;
  departmentId: string;
  kioskId: string;
  staffId: string;
  status: ConsultationState | '';
  kind: ConsultationKind | '';
  outcomeCode: OutcomeCode | '';
}

const FORM_KEYS = ['from', 'to', 'departmentId', 'kioskId', 'staffId', 'status', 'kind', 'outcomeCode'] as const;

function member<T extends string>(value: string | undefined, options: readonly T[]): T | '' {
  return value !== undefined && (options as readonly string[]).includes(value) ? (value as T) : '';
}

export function consultationFormFromQuery(query: Readonly<Record<string, string>>): RecordFilterForm {
  const date = (key: string) => (isLocalDate(query[key] ?? '') ? (query[key] ?? '') : '');
  return {
    from: date('from'),
    to: date('to'),
    departmentId: query['departmentId'] ?? '',
    kioskId: query['kioskId'] ?? '',
    staffId: query['staffId'] ?? '',
    status: member(query['status'], CONSULTATION_STATE_CHOICES),
    kind: member(query['kind'], CONSULTATION_KINDS),
    outcomeCode: member(query['outcomeCode'], OUTCOME_CODES),
  };
}

export function pageFromQuery(query: Readonly<Record<string, string>>): number {
  const page = Number(query['page']);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The URL query for a form and page (empty values left out). */
export function consultationQuery(form: RecordFilterForm, page = 1): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FORM_KEYS) if (form[key]) query[key] = form[key];
  if (page > 1) query['page'] = String(page);
  return query;
}

/** The API query for a form and page. */
export function consultationFilter(form: RecordFilterForm, page: number): RecordFilter {
  const filter: RecordFilter = { page, pageSize: CONSULTATIONS_PAGE_SIZE };
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  if (form.departmentId) filter.departmentId = form.departmentId;
  if (form.kioskId) filter.kioskId = form.kioskId;
  if (form.staffId) filter.staffId = form.staffId;
  if (form.status) filter.status = form.status;
  if (form.kind) filter.kind = form.kind;
  if (form.outcomeCode) filter.outcomeCode = form.outcomeCode;
  return filter;
}

/** The end day must not come before the start day. */
export function rangeIsValid(form: Pick<RecordFilterForm, 'from' | 'to'>): boolean {
  return !form.from || !form.to || form.from <= form.to;
}
