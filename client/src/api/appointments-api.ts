import type {
  Appointment,
  AppointmentDetail,
  AppointmentListQuery,
  AppointmentRules,
  AppointmentStatus,
  CancelAppointmentRequest,
  ConflictCheckRequest,
  ConflictingAppointment,
  CreateAppointmentRequest,
  UpdateAppointmentRequest,
} from '@madoguchi/contract/appointments';
import type { Page } from '@madoguchi/contract/pagination';
import type { RequestOptions } from './http-client';
import { callRoute, downloadRoute } from './route-call';
import type { DownloadedFile } from './route-call';

/** The list query with numbers for paging (the schema coerces strings) and statuses as a list. */
export type AppointmentFilter = Omit<AppointmentListQuery, 'status' | 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
  status?: readonly AppointmentStatus[];
};

export function listAppointments({ status, ...filter }: AppointmentFilter, options: RequestOptions): Promise<Page<Appointment>> {
  return callRoute('listAppointments', { ...options, query: { ...filter, status: status?.join(',') } });
}

export function getAppointmentRules(options: RequestOptions): Promise<AppointmentRules> {
  return callRoute('getAppointmentRules', options);
}

export function getAppointment(id: string, options: RequestOptions): Promise<AppointmentDetail> {
  return callRoute('getAppointment', { ...options, params: { id } });
}

export function createAppointment(body: CreateAppointmentRequest, options: RequestOptions): Promise<Appointment> {
  return callRoute('createAppointment', { ...options, body });
}

export function updateAppointment(id: string, body: UpdateAppointmentRequest, options: RequestOptions): Promise<Appointment> {
  return callRoute('updateAppointment', { ...options, params: { id }, body });
}

export function cancelAppointment(id: string, body: CancelAppointmentRequest, options: RequestOptions): Promise<Appointment> {
  return callRoute('cancelAppointment', { ...options, params: { id }, body });
}

/** The server may answer with the list itself or wrapped as `{ conflicts }`; both are accepted. */
export async function checkConflicts(body: ConflictCheckRequest, options: RequestOptions): Promise<ConflictingAppointment[]> {
  const answer = await callRoute('checkConflicts', { ...options, body });
  return answer.conflicts;
}

export function downloadAppointmentIcs(id: string, options: RequestOptions): Promise<DownloadedFile> {
  return downloadRoute('appointmentIcs', 'text/calendar', { ...options, params: { id } });
}

/** Revokes the resident's private booking link and returns the new one's token, once. */
export function reissueBookingLink(id: string, options: RequestOptions): Promise<{ manageToken: string }> {
  return callRoute('reissueBookingLink', { ...options, params: { id }, body: {} });
}
