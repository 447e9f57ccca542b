import type { CallContext } from '@madoguchi/contract/call-context';
import type { ConsultationTranscript } from '@madoguchi/contract/captions';
import type { ConsultationListItem, ConsultationDetail, ConsultationListQuery, ConsultationOutcomeRequest, ConsultationRecord } from '@madoguchi/contract/consultation';
import type { Page } from '@madoguchi/contract/pagination';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

/** The list query with numbers for paging (the schema coerces strings). */
export type RecordFilter = Omit<ConsultationListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

export function listConsultations(query: RecordFilter, options: RequestOptions): Promise<Page<ConsultationListItem>> {
  return callRoute('listConsultations', { ...options, query: { ...query } });
}

export function getConsultation(id: string, options: RequestOptions): Promise<ConsultationDetail> {
  return callRoute('getConsultation', { ...options, params: { id } });
}

export function recordOutcome(id: string, body: ConsultationOutcomeRequest, options: RequestOptions): Promise<ConsultationRecord> {
  return callRoute('recordOutcome', { ...options, params: { id }, body });
}

export function getCallContext(id: string, options: RequestOptions): Promise<CallContext> {
  return callRoute('getCallContext', { ...options, params: { id } });
}

/** Audited on the server each time it is read, so the record asks for it only when pressed. */
export function getConsultationTranscript(id: string, options: RequestOptions): Promise<ConsultationTranscript> {
  return callRoute('getConsultationTranscript', { ...options, params: { id } });
}
