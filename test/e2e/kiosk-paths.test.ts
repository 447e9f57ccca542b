import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import { book, buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { openKiosk, seriousViolations, setKioskTimings } from './kiosk-e2e-support';

/**
 * A resident's paths through the kiosk that need no specialist: walk-in by department,
 * giving up while waiting, checking in with the slip's QR code, walking away (the idle
 * warning) and changing language. The domain clock sits just before a booking at 10:00
 * Japan time, so the QR check-in is inside its window whenever the test runs.
 */
const clockStart = Date.parse('2030-04-01T09:55:00+09:00');
const realStart = Date.now();
const domainNow = (): Date => new Date(clockStart + (Date.now() - realStart));

describe('kiosk paths without a specialist (Chromium)', () => {
  let server: TestServer;
  let world: SchedulingWorld;
  let kiosk: BrowserHandle | undefined;
  let workDir: string;

  const latestConsultation = async (): Promise<ConsultationRecord | undefined> =>
    (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0];
  /** The newest consultation record once it passes `check` (the kiosk's screen may run ahead of the write). */
  const waitForConsultation = async (check: (r: ConsultationRecord) => boolean): Promise<ConsultationRecord> => {
    const deadline = Date.now() + 10_000;
    let record = await latestConsultation();
    while (!(record && check(record)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      record = await latestConsultation();
    }
    assert.ok(record, 'a consultation was recorded');
    return record;
  };

  before(async () => {
    server = await startTestServer({ now: domainNow });
    world = await buildSchedulingWorld(server);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-kiosk-paths-'));
  });
  after(async () => {
    await kiosk?.close();
    await server?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('walk-in by department queues for that department; 「やめる」 cancels the call', async () => {
    kiosk = await openBrowser();
    const { page } = kiosk;
    await openKiosk(page, server);
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.getByRole('button', { name: /予約なしで相談/ }).click();
    await page.getByRole('button', { name: /税務課/ }).click();
    await page.getByText('職員を呼び出しています').waitFor({ timeout: 10_000 });
    const queued = await waitForConsultation((r) => r.status === 'queued');
    assert.equal(queued.departmentName, '税務課');
    assert.equal(queued.kind, 'walk_in');

    await page.getByRole('button', { name: 'やめる' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
    const ended = await waitForConsultation((r) => r.id === queued.id && r.status === 'ended');
    assert.equal(ended.status, 'ended', 'the cancelled call is no longer queued');
  });

  it('switches language on Idle, and the next resident starts in Japanese again', async () => {
    assert.ok(kiosk);
    const { page } = kiosk;
    await setKioskTimings(page, { inactivityMs: 2_000, idleWarningMs: 3_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: /Call staff/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('button', { name: '시작' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    // Left alone on Idle in another language, the kiosk returns to Japanese.
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  });

  it('asks 「続けますか？」 before giving up on a choosing screen; a waiting call is never cancelled for silence', async () => {
    assert.ok(kiosk);
    const { page } = kiosk;
    const warning = page.getByRole('alertdialog', { name: '続けますか？' });
    await page.getByRole('button', { name: 'はじめる' }).click();
    await warning.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '続ける' }).click();
    await warning.waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /予約なしで相談/ }).count(), 1, 'still on the start screen');
    await warning.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
    assert.equal(await warning.count(), 0);

    // 「職員を呼ぶ」 from Idle queues a general call; nobody answers and nobody touches the screen:
    // the resident keeps their place (issue 14) until they press 「やめる」.
    await page.getByRole('button', { name: '職員を呼ぶ' }).click();
    await page.getByText('職員を呼び出しています').waitFor({ timeout: 10_000 });
    const queued = await waitForConsultation((r) => r.status === 'queued');
    assert.equal(queued.departmentId, null, 'the help button calls the general counter');
    await page.waitForTimeout(6_000);
    assert.equal(await warning.count(), 0, 'no 「続けますか？」 while waiting');
    assert.equal((await latestConsultation())?.status, 'queued', 'still in the queue');
    await page.getByRole('button', { name: 'やめる' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
    const ended = await waitForConsultation((r) => r.id === queued.id && r.status === 'ended');
    assert.equal(ended.status, 'ended', 'the waiting call was cancelled by the resident');
    await setKioskTimings(page, null);
    await kiosk.close();
    kiosk = undefined;
  });

  it('checks a booked resident in from the QR code on their slip (after the device check flags the frozen camera)', async () => {
    const appointment = await book(world);
    assert.ok(appointment.checkInCode);
    const png = path.join(workDir, 'slip.png');
    const y4m = path.join(workDir, 'slip.y4m');
    await QRCode.toFile(png, appointment.checkInCode, { width: 600, margin: 4 });
    execFileSync('ffmpeg', [
      '-y', '-loglevel', 'error', '-loop', '1', '-i', png,
      '-vf', 'pad=1920:1080:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p',
      '-frames:v', '1', '-r', '30', '-f', 'yuv4mpegpipe', y4m,
    ]);
    kiosk = await openBrowser({ extraArgs: [`--use-file-for-fake-video-capture=${y4m}`] });
    const { page } = kiosk;
    await openKiosk(page, server);
    await page.getByRole('button', { name: 'はじめる' }).click();
    // A camera that shows one still picture is as good as frozen: the device check says so.
    const deviceCheck = page.getByRole('alertdialog', { name: '機器の確認' });
    await deviceCheck.waitFor({ timeout: 10_000 });
    assert.match((await deviceCheck.textContent()) ?? '', /カメラが使えません/);
    assert.deepEqual(await seriousViolations(page), [], 'axe-core: the device notice is accessible');
    await deviceCheck.getByRole('button', { name: '続ける' }).click();
    await page.getByRole('button', { name: /予約があります/ }).click();
    await page.getByRole('button', { name: 'QRコードで読み取る' }).click();
    // A public screen: the family name only (the town's default), never the given name.
    await page.getByText('山田 様、順番にお呼びします').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByText(/太郎/).count(), 0, 'the given name is not shown');
    const queued = await waitForConsultation((r) => r.status === 'queued');
    assert.equal(queued.kind, 'booked');
    assert.equal(queued.appointmentId, appointment.id);
    await page.getByRole('button', { name: 'やめる' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByText(/山田/).count(), 0, 'the name is gone with the waiting screen');
  });
});
