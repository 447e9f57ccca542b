import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hangUpAtDesk } from '../helpers/call-flow';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';
import { databaseKinds } from '../helpers/test-database';

const database = databaseKinds().at(-1) ?? 'embedded';

describe(`a resident at the kiosk talks with a specialist (Chromium, single-port mediasoup, ${database} PostgreSQL)`, () => {
    // The firewall-friendly single-port WebRtcServer, as a city hall would run it.
  const rig = kioskAndDesk(() => startTestServer({ database, webRtcServerPort: 0 }));

  it('the kiosk calls, staff answer, both decode each other, hang-up is recorded', async () => {
    const { server, kiosk, staff } = rig;
    const { atStaff, atKiosk } = await answeredCall(rig);
    for (const media of [atStaff, atKiosk]) {
      assert.ok(media.dtlsStates.includes('connected'), 'media runs over DTLS');
      assert.ok(media.srtpCiphers.length > 0, 'media is SRTP-encrypted');
    }

    const consultations = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    const consultationId = consultations.items[0]?.id;
    assert.ok(consultationId);

    await hangUpAtDesk(staff.page);
    // After the call the resident is asked how it went; 「満足」 is stored on the record.
    await kiosk.page.getByRole('button', { name: /^満足/ }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ state: 'detached', timeout: 10_000 });

    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.ok(record?.answeredAt, 'answered time stored');
    assert.ok(record?.endedAt, 'ended time stored');
    assert.equal(record?.endReason, 'staff_ended');
    assert.equal(record?.satisfaction, 4);
    assert.ok(new Date(record.endedAt) >= new Date(record.answeredAt));
  });
});
