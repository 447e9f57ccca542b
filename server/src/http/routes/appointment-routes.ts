import {
  AppointmentListQuery,
  CancelAppointmentRequest,
  ConflictCheckRequest,
  CreateAppointmentRequest,
  UpdateAppointmentRequest,
  type AppointmentConflictDetails,
} from '../../contract/appointments';
import { buildIcs } from '../../exports/ics';
import { FileResponse, IdParams, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

export function registerAppointmentRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listAppointments', { query: AppointmentListQuery, returns: 'Page<Appointment>' }, async ({ query }) =>
    deps.appointments.list({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      statuses: query.status,
    }),
  );

  api.handle('createAppointment', { body: CreateAppointmentRequest, status: 201, returns: 'Appointment' }, async ({ body, caller }) =>
    deps.appointments.create(staffOf(caller).staffId, body),
  );

  api.handle('checkConflicts', { body: ConflictCheckRequest, returns: 'AppointmentConflictDetails' }, async ({ body }) => {
    const conflicts = await deps.appointments.conflicts({
      kioskId: body.kioskId,
      staffId: body.staffId,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      excludeId: body.excludeAppointmentId,
    });
    const details: AppointmentConflictDetails = { conflicts };
    return details;
  });

  api.handle('getAppointment', { params: IdParams, returns: 'AppointmentDetail' }, async ({ params }) => deps.appointments.get(params.id));

  api.handle('updateAppointment', { params: IdParams, body: UpdateAppointmentRequest, returns: 'Appointment' }, async ({ params, body, caller }) =>
    deps.appointments.update(staffOf(caller).staffId, params.id, body),
  );

  api.handle('cancelAppointment', { params: IdParams, body: CancelAppointmentRequest, returns: 'Appointment' }, async ({ params, body, caller }) =>
    deps.appointments.cancel(staffOf(caller).staffId, params.id, body.reason),
  );

  api.handle('appointmentIcs', { params: IdParams, returns: 'text/calendar' }, async ({ params }) => {
    const appointment = await deps.appointments.get(params.id);
    const ics = buildIcs({
      uid: appointment.id,
      startsAt: new Date(appointment.startsAt),
      endsAt: new Date(appointment.endsAt),
      stampedAt: new Date(appointment.updatedAt),
      summary: `オンライン相談（${appointment.departmentName}）`,
      location: [appointment.kioskName, appointment.kioskLocation, appointment.kioskAddress].filter(Boolean).join(' '),
      description: appointment.checkInCode
        ? `受付番号: ${appointment.checkInCode}\n端末で「予約があります」を押して番号を入力してください。`
        : '',
    });
    return new FileResponse('text/calendar; charset=utf-8', `appointment-${appointment.id.slice(0, 8)}.ics`, ics);
  });
}
