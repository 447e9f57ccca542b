import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from '@madoguchi/contract/pagination';
import type { ConsultationDetail, ConsultationRecord } from '@madoguchi/contract/consultation';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { expectStatus, restClient } from '../helpers/rest-client';

const port = 3600 + Math.floor(Math.random() * 90);
const url = `http://127.0.0.1:${port}`;

function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SFU_WORKERS: '1', DATABASE_URL: '', REDIS_URL: '', RECONNECT_GRACE_SECONDS: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server is killed (kill -9) during a call and started again (Chromium)', () => {
  let dataDir: string;
  let server: ChildProcess;
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-crash-'));
    chmodSync(dataDir, 0o755);
    server = startServer(dataDir);
    await waitReady(server);
    kiosk = await openBrowser();
    staff = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await staff?.close();
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('kiosk and staff come back by themselves and the record is closed as server_restart', async () => {
    const credential = readFileSync(path.join(dataDir, 'demo-kiosk-credential'), 'utf8').trim();
    await staff.page.goto(`${url}/`);
    await staff.page.getByLabel('ログインID').fill('demo-staff');
    await staff.page.getByLabel('パスワード').fill('madoguchi-demo');
    await staff.page.getByRole('button', { name: 'ログイン' }).click();
    await kiosk.page.goto(`${url}/kiosk/#credential=${credential}`);
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 15_000 });
    await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
    // The demo data has departments: the resident picks one.
    await kiosk.page.getByRole('button', { name: /子育て支援課/ }).click();
    await staff.page.getByRole('button', { name: '応答' }).first().click({ timeout: 15_000 });
    const flowing = (m: { videoFramesDecoded: number }): boolean => m.videoFramesDecoded > 10;
    await Promise.all([waitForMedia(staff.page, flowing), waitForMedia(kiosk.page, flowing)]);

    const killedAt = Date.now();
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    server = startServer(dataDir);
    await waitReady(server);
    const readyAt = Date.now();

    // Without anyone touching them, each screen says what the record says (server_restart), then
    // the kiosk is back at its start screen and the console at its queue.
    await kiosk.page.getByText('システムの都合により、通話が終了しました。').waitFor({ timeout: 20_000 });
    await staff.page.getByText('サーバーの再起動のため、通話が終了しました。').waitFor({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    const kioskSeconds = (Date.now() - readyAt) / 1000;
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ state: 'detached', timeout: 20_000 });
    const staffSeconds = (Date.now() - readyAt) / 1000;
    process.stdout.write(`# after the restart: kiosk idle in ${kioskSeconds.toFixed(1)} s, staff console back in ${staffSeconds.toFixed(1)} s\n`);
    assert.ok(kioskSeconds <= 10, `the kiosk took ${kioskSeconds} s`);

    const admin = restClient(url, (await loginStaff(url, 'demo-admin', 'madoguchi-demo')).accessToken);
    const consultations = expectStatus(await admin.call<Page<ConsultationRecord>>('listConsultations', { query: { pageSize: 10 } }), 200);
    const interrupted = consultations.items.filter((s) => s.queuedAt > new Date(Date.now() - 10 * 60_000).toISOString());
    assert.equal(interrupted.length, 1, 'no duplicate record (the demo data holds only older ones)');
    assert.equal(interrupted[0]?.endReason, 'server_restart', 'the interrupted call is closed honestly');
    // It ended when its media stopped (the dead process's last lease beat), not when the server came back.
    const endedAt = new Date(interrupted[0]?.endedAt ?? 0).getTime();
    assert.ok(endedAt <= killedAt + 50 && killedAt - endedAt < 3_000, `ended ${killedAt - endedAt} ms before the kill, at the last beat`);
    const detail = expectStatus(await admin.call<ConsultationDetail>('getConsultation', { params: { id: interrupted[0]?.id ?? '' } }), 200);
    assert.equal(detail.events.filter((e) => e.type === 'ended').length, 1, 'exactly one ended event');
    const open = expectStatus(await admin.call<Page<ConsultationRecord>>('listConsultations', { query: { status: 'active' } }), 200);
    assert.equal(open.total, 0, 'no orphan left open');

    // The console may first offer to record the interrupted call's outcome; leave that for later.
    const later = staff.page.getByRole('button', { name: '後で記録する' });
    if (await later.isVisible()) await later.click();

    // And the kiosk can call again at once.
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click();
    await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
    await kiosk.page.getByRole('button', { name: /子育て支援課/ }).click();
    await staff.page.getByRole('button', { name: '応答' }).first().waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      await staff.page.screenshot({ path: '/tmp/crash-staff.png' });
      await kiosk.page.screenshot({ path: '/tmp/crash-kiosk.png' });
      throw error;
    });
  });
});
