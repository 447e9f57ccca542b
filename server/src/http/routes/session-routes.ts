import type { Appointment } from '@madoguchi/contract/appointments';
import type { BookedResident, CallContext } from '@madoguchi/contract/call-context';
import { type SessionDetail, type SessionEvent, type SessionRecord } from '@madoguchi/contract/consultation';
import { AppError } from '../../domain/app-error';
import { endOfJapanDay, startOfJapanDay } from '@madoguchi/contract/japan-time';
import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

const toBookedResident = (a: Appointment): BookedResident => ({
  appointmentId: a.id,
  name: a.residentName,
  kana: a.residentKana,
  needs: a.needs,
  topic: a.topic,
  notes: a.notes,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
});

/**
 * Consultation records. Admins see all; staff see their departments' sessions, the general
 * counter's, and the ones they handled.
 */
export function registerSessionRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const scopeOf = async (caller: { staffId: string; role: 'staff' | 'admin' }) =>
    caller.role === 'admin' ? undefined : { staffId: caller.staffId, departmentIds: await deps.staff.departmentIdsOf(caller.staffId) };

  const visible = (record: SessionRecord, scope: Awaited<ReturnType<typeof scopeOf>>): boolean =>
    !scope || record.staffId === scope.staffId || record.departmentId === null || scope.departmentIds.includes(record.departmentId);

  api.handle('listSessions', async ({ query, caller }) =>
    deps.sessions.list({
      ...query,
      from: query.from ? startOfJapanDay(query.from) : undefined,
      to: query.to ? endOfJapanDay(query.to) : undefined,
      visibleTo: await scopeOf(staffOf(caller)),
    }),
  );

  const namesIn = async (events: readonly SessionEvent[]): Promise<Record<string, string>> => {
    const names: Record<string, string> = {};
    const idsOf = (key: string) => new Set(events.map((e) => e.details[key]).filter((v): v is string => typeof v === 'string'));
    for (const id of idsOf('staffId')) {
      const member = await deps.staff.findById(id);
      if (member) names[id] = member.displayName;
    }
    for (const id of idsOf('departmentId')) {
      const department = await deps.departments.findById(id);
      if (department) names[id] = department.name;
    }
    return names;
  };

  api.handle('getSession', async ({ params, caller }) => {
    const actor = staffOf(caller);
    const record = await deps.sessions.findById(params.id);
    if (!record || !visible(record, await scopeOf(actor))) throw AppError.notFound('session');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'session_viewed', targetType: 'session', targetId: params.id });
    const events = await deps.events.listFor(params.id);
    const detail: SessionDetail = { ...record, events, names: await namesIn(events) };
    return detail;
  });

  api.handle('getCallContext', async ({ params, caller }) => {
    const actor = staffOf(caller);
    const record = await deps.sessions.findById(params.id);
    // The resident's booking is for the member who answered the call (and admins), not the whole department.
    if (!record || (actor.role !== 'admin' && record.staffId !== actor.staffId)) throw AppError.notFound('session');
    const appointment = record.appointmentId ? await deps.appointmentRows.findById(record.appointmentId) : null;
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'call_context_viewed', targetType: 'session', targetId: params.id });
    const context: CallContext = {
      sessionId: record.id,
      kind: record.kind,
      departmentName: record.departmentName,
      kioskName: record.kioskName,
      kioskLocation: record.kioskLocation,
      language: record.language,
      resident: appointment ? toBookedResident(appointment) : null,
      history: appointment
        ? await deps.appointmentRows.listForResident({ name: appointment.residentName, kana: appointment.residentKana, excludeId: appointment.id })
        : [],
    };
    return context;
  });

  api.handle('recordOutcome', async ({ params, body, caller }) => {
    const actor = staffOf(caller);
    const record = await deps.sessions.findById(params.id);
    if (!record || !visible(record, await scopeOf(actor))) throw AppError.notFound('session');
    if (actor.role !== 'admin' && record.staffId !== actor.staffId) throw AppError.forbidden('only the member who handled the consultation, or an admin, can record its outcome');
    if (!(await deps.sessions.recordOutcome(params.id, body.outcomeCode, body.notes))) {
      throw AppError.invalidState('a consultation nobody answered has no outcome');
    }
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'session_outcome_recorded', targetType: 'session', targetId: params.id, details: { outcomeCode: body.outcomeCode } });
    const updated = await deps.sessions.findById(params.id);
    if (!updated) throw AppError.notFound('session');
    return updated;
  });
}
