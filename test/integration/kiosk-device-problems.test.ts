import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import { callInProgress } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { loginStaff } from '../helpers/api-client';
import { until } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request } from '../helpers/socket-client';

describe('a camera or microphone missing from the call, at the kiosk or the desk (socket level)', () => {
  const suite = callInProgress();

  it('the desk is told, the record keeps it, and a desk that joins again (its console reloaded) is told again', async () => {
    const { server, call } = suite;
    const { consultationId } = call;
    const join = async (socket: typeof call.staff) => {
      const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
      return request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities });
    };
    expectOk(await join(call.staff));
    expectOk(await join(call.kiosk));

    const told = nextEvent(call.staff, 'deviceProblem');
    expectOk(await request(call.kiosk, 'reportDeviceProblem', { consultationId, device: 'camera' }));
    assert.deepEqual((await told)[0], { consultationId, device: 'camera' });
    const notTheDesks = await request(call.staff, 'reportDeviceProblem', { consultationId, device: 'documentCamera' });
    assert.equal(!notTheDesks.ok && notTheDesks.error.code, 'BAD_REQUEST', 'a desk reports only its own camera or microphone');
    // The desk's microphone: the kiosk is told (and not the desk itself).
    const kioskTold = nextEvent(call.kiosk, 'deviceProblem');
    expectOk(await request(call.staff, 'reportDeviceProblem', { consultationId, device: 'microphone' }));
    assert.deepEqual((await kioskTold)[0], { consultationId, device: 'microphone' });
    const garbage = await request(call.kiosk, 'reportDeviceProblem', { consultationId, device: 'speaker' } as never);
    assert.equal(!garbage.ok && garbage.error.code, 'BAD_REQUEST');

    await until(
      () => server.app.repositories.consultationEvents.listFor(consultationId),
      (events) =>
        events.some((e) => e.type === 'device_problem' && e.actor === 'kiosk' && e.details['device'] === 'camera') &&
        events.some((e) => e.type === 'device_problem' && e.actor === 'staff' && e.details['device'] === 'microphone'),
      { what: 'device_problem on the record' },
    );

    // The console reloaded: a new socket of the same desk joins the call again and hears it.
    const { accessToken } = await loginStaff(server.url, server.demo.staffLoginId, server.demo.staffPassword);
    const again = await connectSocket(server.url, accessToken);
    try {
      const retold = nextEvent(again, 'deviceProblem');
      expectOk(await join(again));
      assert.deepEqual((await retold)[0], { consultationId, device: 'camera' });
    } finally {
      again.close();
    }
  });

  it('a guest whose camera or microphone is missing: the desk is told who, the kiosk is not, and the record keeps it', async () => {
    const { server, call, staffToken } = suite;
    const { consultationId } = call;
    const link = expectStatus(
      await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: '通訳', kind: 'interpreter' } }),
      201,
    );
    const guest = await connectSocket(server.url, guestTokenOf(link));
    try {
      const { routerRtpCapabilities } = expectOk(await request(guest, 'getServerInfo', {}));
      expectOk(await request(guest, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
      const deskTold = nextEvent(call.staff, 'guestDeviceProblem');
      const kioskTold = nextEvent(call.kiosk, 'guestDeviceProblem', 1_000).then(() => true, () => false);
      expectOk(await request(guest, 'reportDeviceProblem', { consultationId, device: 'camera' }));
      assert.deepEqual((await deskTold)[0], { consultationId, device: 'camera', guestKind: 'interpreter' });
      assert.equal(await kioskTold, false, 'the resident is not told of the guest\'s devices');
      const notTheGuests = await request(guest, 'reportDeviceProblem', { consultationId, device: 'documentCamera' });
      assert.equal(!notTheGuests.ok && notTheGuests.error.code, 'BAD_REQUEST', 'a guest reports only their own camera or microphone');
      await until(
        () => server.app.repositories.consultationEvents.listFor(consultationId),
        (events) => events.some((e) => e.type === 'device_problem' && e.actor === 'guest' && e.details['device'] === 'camera'),
        { what: 'the guest\'s device_problem on the record' },
      );
      // The console reloaded: told again which guest device is missing.
      const { accessToken } = await loginStaff(server.url, server.demo.staffLoginId, server.demo.staffPassword);
      const again = await connectSocket(server.url, accessToken);
      try {
        const retold = nextEvent(again, 'guestDeviceProblem');
        const { routerRtpCapabilities: caps } = expectOk(await request(again, 'getServerInfo', {}));
        expectOk(await request(again, 'joinRoom', { consultationId, rtpCapabilities: caps }));
        assert.deepEqual((await retold)[0], { consultationId, device: 'camera', guestKind: 'interpreter' });
      } finally {
        again.close();
      }
    } finally {
      guest.close();
    }
  });
});
