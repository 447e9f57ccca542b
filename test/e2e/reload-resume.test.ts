import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secondsUntilNewStream, videoStreams, waitForMedia, type InboundMedia } from '../helpers/browser';
import { loginAtDesk, recordOutcomeAtDesk } from '../helpers/call-flow';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';
import { databaseKinds } from '../helpers/test-database';

const database = databaseKinds().at(-1) ?? 'embedded';
const RELOADS = 5;
const GRACE_MS = 8_000;

const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
const decoding = (m: InboundMedia): boolean => m.videoFramesDecoded > 5;

describe(`a page reloaded mid-call resumes the same consultation (Chromium, ${database} PostgreSQL)`, () => {
  const rig = kioskAndDesk(() => startTestServer({ database, reconnectGraceMs: GRACE_MS }));

  it(`the kiosk reloaded ${RELOADS} times (F5) is back in the same call with media both ways`, async () => {
    const { server, kiosk, staff } = rig;
    await answeredCall(rig);
    const [first] = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items;
    const consultationId = first?.id;
    assert.ok(consultationId);

    const kioskTimes: number[] = [];
    const staffTimes: number[] = [];
    for (let i = 0; i < RELOADS; i += 1) {
      await kiosk.page.reload({ waitUntil: 'load' });
      const loadedAt = Date.now();
      const staffBefore = await videoStreams(staff.page);
      const [atKiosk, atStaff] = await Promise.all([
        // A reloaded page starts from nothing: any decoded frame is the resumed call's.
        waitForMedia(kiosk.page, decoding, 15_000).then((m) => {
          assert.ok(decoding(m), `kiosk decoded nothing after reload ${i + 1}: ${JSON.stringify(m)}`);
          return (Date.now() - loadedAt) / 1000;
        }),
        secondsUntilNewStream(staff.page, staffBefore, loadedAt, 15_000),
      ]);
      kioskTimes.push(atKiosk);
      staffTimes.push(atStaff);
    }
    process.stdout.write(
      `# kiosk reload -> media back: kiosk decodes after ${kioskTimes.map((t) => t.toFixed(2)).join(', ')} s (p95 ${p95(kioskTimes).toFixed(2)}), ` +
        `staff after ${staffTimes.map((t) => t.toFixed(2)).join(', ')} s (p95 ${p95(staffTimes).toFixed(2)})\n`,
    );
    // The same consultation all along: one record, still live, the kiosk's reconnects on its timeline.
    assert.equal(server.app.consultations.has(consultationId), true);
    const events = await server.app.repositories.consultationEvents.listFor(consultationId);
    assert.equal(events.filter((e) => e.type === 'reconnected' && e.actor === 'kiosk').length, RELOADS);
    assert.equal(events.filter((e) => e.type === 'ended').length, 0);
    await kiosk.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 5_000 });
    // Each reload must bring media back within 15 s (asserted above). The goal, 3 s p95, is
    // printed on every run and met on an idle machine (docs/reliability.md); it is not asserted
    // because a machine running other suites exceeds it (6.5 s at load average 20).
  });

  it('the console closed and opened again offers 「通話に戻る」 and takes the call back with media', async () => {
    const { server, kiosk, staff } = rig;
    await staff.page.close();
    staff.page = await staff.context.newPage();
    // A new tab has no login: sign in again, as a specialist would.
    await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
    const back = staff.page.getByRole('button', { name: '通話に戻る' });
    await back.waitFor({ timeout: 10_000 });
    await staff.page.getByText('中央図書館 相談窓口 との通話はまだ続いています。').waitFor();
    const kioskBefore = await videoStreams(kiosk.page);
    const clickedAt = Date.now();
    await back.click();
    const atStaff = await waitForMedia(staff.page, decoding, 15_000);
    assert.ok(decoding(atStaff), `the console decodes the resident again: ${JSON.stringify(atStaff)}`);
    const staffSeconds = (Date.now() - clickedAt) / 1000;
    const kioskSeconds = await secondsUntilNewStream(kiosk.page, kioskBefore, clickedAt, 15_000);
    process.stdout.write(`# console reopened -> 「通話に戻る」 -> media: console ${staffSeconds.toFixed(2)} s, kiosk ${kioskSeconds.toFixed(2)} s\n`);
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor();
  });

  it('a console that stays away past the grace period: the kiosk is not asked to rate, the console offers the outcome form', async () => {
    const { server, kiosk, staff } = rig;
    const [current] = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items;
    await staff.page.close();
    // No survey for a call the desk dropped: the kiosk says the connection was lost and goes back to Idle.
    await kiosk.page.getByText('通信が途切れたため、通話が終了しました。').waitFor({ timeout: GRACE_MS + 10_000 });
    assert.equal(await kiosk.page.getByRole('button', { name: /^満足/ }).count(), 0, 'no survey');
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 15_000 });

    staff.page = await staff.context.newPage();
    await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
    await staff.page.getByText('画面を離れている間に 中央図書館 相談窓口 との通話が終了しました。対応結果を記録してください。').waitFor({ timeout: 10_000 });
    await recordOutcomeAtDesk(staff.page, 'follow_up');
    const record = await server.app.repositories.consultations.findById(current?.id ?? '');
    assert.equal(record?.endReason, 'network_lost');
    assert.equal(record?.outcomeCode, 'follow_up');
    assert.equal(record?.satisfaction, null);
  });
});
