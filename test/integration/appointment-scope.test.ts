import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Appointment, AppointmentDetail } from '@madoguchi/contract/appointments';
import type { AuditEntry } from '@madoguchi/contract/audit';
import type { Page } from '@madoguchi/contract/pagination';
import { createMember } from '../fixtures/members';
import { book, buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('appointments are scoped by department, codes stay on the slip, reads are audited (issue 12, item 7)', () => {
  let server: TestServer;
  let world: SchedulingWorld;
  let kosodateMember: RestClient;
  let memberId: string;
  let kosodate: Appointment;
  let zeimu: Appointment;

  before(async () => {
    server = await startTestServer();
    world = await buildSchedulingWorld(server);
    const [first, second] = world.departments;
    kosodate = await book(world, { departmentId: first?.id, residentName: '子育 花子', startsAt: '2030-05-01T10:00:00+09:00', endsAt: '2030-05-01T10:30:00+09:00' });
    zeimu = await book(world, { departmentId: second?.id, residentName: '税務 次郎', startsAt: '2030-05-01T11:00:00+09:00', endsAt: '2030-05-01T11:30:00+09:00' });
    const member = await createMember(server.url, world.admin, { loginId: 'kosodate-only', departmentIds: [first?.id ?? ''] });
    memberId = member.id;
    kosodateMember = restClient(server.url, member.token);
  });
  after(async () => {
    await server?.close();
  });

  it("lists only the member's department, without check-in codes", async () => {
    const page = expectStatus(await kosodateMember.call<Page<Appointment>>('listAppointments', { query: { from: '2030-04-30T00:00:00+09:00' } }), 200);
    assert.deepEqual(page.items.map((a) => a.residentName), ['子育 花子'], 'another department\'s residents are not listed');
    assert.ok(page.items.every((a) => a.checkInCode === null), 'no check-in code outside the slip');
    const asAdmin = expectStatus(await world.admin.call<Page<Appointment>>('listAppointments', { query: { from: '2030-04-30T00:00:00+09:00' } }), 200);
    assert.equal(asAdmin.items.length, 2, 'admins see all');
    assert.ok(asAdmin.items.every((a) => /^\d{6}$/.test(a.checkInCode ?? '')), 'the admin prints slips: codes shown');
  });

  it("refuses another department's appointment and its calendar file, as if it did not exist", async () => {
    assert.equal((await kosodateMember.call('getAppointment', { params: { id: zeimu.id } })).status, 404);
    assert.equal((await kosodateMember.call('appointmentIcs', { params: { id: zeimu.id } })).status, 404);
    const own = expectStatus(await kosodateMember.call<AppointmentDetail>('getAppointment', { params: { id: kosodate.id } }), 200);
    assert.equal(own.checkInCode, null);
    const ics = await kosodateMember.call('appointmentIcs', { params: { id: kosodate.id } });
    assert.equal(ics.status, 200);
    assert.ok(!ics.text.includes(kosodate.checkInCode ?? 'none'), 'no code in the calendar file either');
  });

  it('audits every read of a resident\'s appointment', async () => {
    const audit = expectStatus(await world.admin.call<Page<AuditEntry>>('listAudit', { query: { pageSize: 200 } }), 200);
    const mine = audit.items.filter((entry) => entry.actorId === memberId);
    assert.ok(mine.some((entry) => entry.action === 'appointments_listed'), 'listing is audited');
    assert.ok(mine.some((entry) => entry.action === 'appointment_viewed' && entry.targetId === kosodate.id), 'viewing one is audited');
  });
});
