import { type Appointment, type AppointmentConflictDetails, type AppointmentDetail } from '@madoguchi/contract/appointments';
import { AppError } from '../../domain/app-error';
import { buildIcs } from '../../exports/ics';
import { FileResponse, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/**
 * Appointments carry residents' names, needs and check-in codes. Admins see all; staff see
 * their departments' appointments and those assigned to them, without check-in codes (the
 * code is printed on the slip, which only admins issue). Every read is audited.
 */
export function registerAppointmentRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const scopeOf = async (actor: { staffId: string; role: 'staff' | 'admin' }): Promise<AppointmentScope> =>
    actor.role === 'admin' ? undefined : { staffId: actor.staffId, departmentIds: await deps.staff.departmentIdsOf(actor.staffId) };

  /** The appointment if this member may read it (else NOT_FOUND, as if it did not exist); the read is audited. */
  const readOne = async (actor: { staffId: string; role: 'staff' | 'admin' }, id: string): Promise<AppointmentDetail> => {
    const scope = await scopeOf(actor);
    const appointment = await deps.appointments.get(id);
    if (!visible(appointment, scope)) throw AppError.notFound('appointment');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'appointment_viewed', targetType: 'appointment', targetId: id });
    return withoutCode(appointment, scope);
  };

  api.handle('listAppointments', async ({ query, caller }) => {
    const actor = staffOf(caller);
    const scope = await scopeOf(actor);
    const page = await deps.appointments.list({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      statuses: query.status,
      visibleTo: scope,
    });
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'appointments_listed', details: { count: page.items.length, from: query.from ?? null, to: query.to ?? null } });
    return { ...page, items: page.items.map((item) => withoutCode(item, scope)) };
  });

  api.handle('createAppointment', async ({ body, caller }) =>
    deps.appointments.create(staffOf(caller).staffId, body),
  );

  api.handle('checkConflicts', async ({ body }) => {
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

  api.handle('getAppointmentRules', async () => deps.appointments.rules());

  api.handle('getAppointment', async ({ params, caller }) => readOne(staffOf(caller), params.id));

  api.handle('updateAppointment', async ({ params, body, caller }) =>
    deps.appointments.update(staffOf(caller).staffId, params.id, body),
  );

  api.handle('cancelAppointment', async ({ params, body, caller }) =>
    deps.appointments.cancel(staffOf(caller).staffId, params.id, body.reason),
  );

  api.handle('appointmentIcs', async ({ params, caller }) => {
    const appointment = await readOne(staffOf(caller), params.id);
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

type AppointmentScope = { staffId: string; departmentIds: string[] } | undefined;

const visible = (appointment: Appointment, scope: AppointmentScope): boolean =>
  !scope || appointment.staffId === scope.staffId || scope.departmentIds.includes(appointment.departmentId);

const withoutCode = <T extends Appointment>(appointment: T, scope: AppointmentScope): T => (scope ? { ...appointment, checkInCode: null } : appointment);
