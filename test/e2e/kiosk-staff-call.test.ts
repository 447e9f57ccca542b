import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

const database = databaseKinds().at(-1) ?? 'embedded';

describe(`a resident at the kiosk talks with a specialist (Chromium, single-port mediasoup, ${database} PostgreSQL)`, () => {
  let server: TestServer;
  let kiosk: BrowserSession;
  let staff: BrowserSession;

  before(async () => {
    // The firewall-friendly single-port WebRtcServer, as a city hall would run it.
    server = await startTestServer({ database, webRtcServerPort: 0 });
    kiosk = await openBrowser();
    staff = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await staff?.close();
    await server?.close();
  });

  it('the kiosk calls, staff answer, both decode each other, hang-up is recorded', async () => {
    await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    const { atStaff, atKiosk } = await expectBothDecode(staff.page, kiosk.page);
    for (const media of [atStaff, atKiosk]) {
      assert.ok(media.dtlsStates.includes('connected'), 'media runs over DTLS');
      assert.ok(media.srtpCiphers.length > 0, 'media is SRTP-encrypted');
    }

    const sessions = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    const sessionId = sessions.items[0]?.id;
    assert.ok(sessionId);

    await hangUpAtDesk(staff.page);
    // After the call the resident is asked how it went; 「満足」 is stored on the record.
    await kiosk.page.getByRole('button', { name: /^満足/ }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ state: 'detached', timeout: 10_000 });

    const record = await server.app.repositories.consultations.findById(sessionId);
    assert.ok(record?.answeredAt, 'answered time stored');
    assert.ok(record?.endedAt, 'ended time stored');
    assert.equal(record?.endReason, 'staff_ended');
    assert.equal(record?.satisfaction, 4);
    assert.ok(new Date(record.endedAt) >= new Date(record.answeredAt));
  });
});
