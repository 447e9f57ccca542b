import type { CallContext } from '@madoguchi/contract/call-context';
import type { SessionTranscript } from '@madoguchi/contract/captions';
import type { ConsultationListItem, SessionDetail, SessionListQuery, SessionOutcomeRequest, SessionRecord } from '@madoguchi/contract/consultation';
import type { Page } from '@madoguchi/contract/pagination';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

/** The list query with numbers for paging (the schema coerces strings). */
export type RecordFilter = Omit<SessionListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

export function listSessions(query: RecordFilter, options: RequestOptions): Promise<Page<ConsultationListItem>> {
  return callRoute('listSessions', { ...options, query: { ...query } });
}

export function getSession(id: string, options: RequestOptions): Promise<SessionDetail> {
  return callRoute('getSession', { ...options, params: { id } });
}

export function recordOutcome(id: string, body: SessionOutcomeRequest, options: RequestOptions): Promise<SessionRecord> {
  return callRoute('recordOutcome', { ...options, params: { id }, body });
}

export function getCallContext(id: string, options: RequestOptions): Promise<CallContext> {
  return callRoute('getCallContext', { ...options, params: { id } });
}

/** Audited on the server each time it is read, so the record asks for it only when pressed. */
export function getSessionTranscript(id: string, options: RequestOptions): Promise<SessionTranscript> {
  return callRoute('getSessionTranscript', { ...options, params: { id } });
}
