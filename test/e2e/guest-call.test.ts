import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { GuestLink } from '@madoguchi/contract/guests';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, serverWithBrowsers } from '../fixtures/kiosk-and-desk';
import { hangUpAtDesk } from '../helpers/call-flow';

/** How many remote video streams the page is decoding (inbound-rtp video with frames). */
async function decodedVideoStreams(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    let streams = 0;
    for (const pc of connections) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report['type'] === 'inbound-rtp' && report['kind'] === 'video' && Number(report['framesDecoded'] ?? 0) > 5) streams += 1;
      });
    }
    return streams;
  });
}

async function waitForStreams(page: Page, count: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = await decodedVideoStreams(page);
    if (seen >= count) return seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return seen;
}

describe('a third party joins through a guest link: a 3-party call (Chromium)', () => {
  const rig = serverWithBrowsers(() => startTestServer({ webRtcServerPort: 0 }), ['kiosk', 'staff', 'guest']);

  it('staff invite an interpreter who sees and hears both, and is seen by both', async () => {
    const { server, kiosk, staff, guest } = rig;
    await answeredCall(rig);

    await staff.page.getByLabel('招待する相手').selectOption({ label: '手話通訳者' });
    await staff.page.getByRole('button', { name: '通訳・他部署を招待' }).click();
    const linkField = staff.page.getByLabel('招待リンク（1人・この通話だけ有効）');
    await linkField.waitFor({ timeout: 10_000 });
    const url = await linkField.inputValue();
    assert.match(url, /#\/guest\?consultation=.+&token=/);

    await guest.page.goto(url);
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    assert.ok((await waitForStreams(guest.page, 2)) >= 2, 'the guest decodes the resident and the specialist');
    assert.ok((await waitForStreams(staff.page, 2)) >= 2, 'the specialist decodes the resident and the guest');
    assert.ok((await waitForStreams(kiosk.page, 2)) >= 2, 'the kiosk receives the specialist and the guest');

    // The resident is told who joined and sees them large enough to read signing, labelled.
    await kiosk.page.getByRole('status').filter({ hasText: '手話通訳者が参加しました' }).waitFor({ timeout: 10_000 });
    const tile = kiosk.page.locator('figure.in-call__guest');
    await tile.waitFor({ timeout: 10_000 });
    assert.equal((await tile.locator('figcaption').textContent())?.trim(), '手話通訳者');
    const shown = await kiosk.page.evaluate(`(() => {
      const video = document.querySelector('figure.in-call__guest video');
      const r = video.getBoundingClientRect();
      return { width: r.width, height: r.height, frameWidth: video.videoWidth, viewport: window.innerWidth };
    })()`) as { width: number; height: number; frameWidth: number; viewport: number };
    assert.ok(shown.frameWidth > 0, 'the guest video plays on the kiosk');
    assert.ok(shown.width >= shown.viewport * 0.45, `the guest takes half the screen: ${JSON.stringify(shown)}`);
    for (const caption of ['職員', 'あなた']) {
      assert.ok(await kiosk.page.locator('.in-call__caption', { hasText: caption }).first().isVisible(), `kiosk tile 「${caption}」`);
    }
    assert.ok(await kiosk.page.getByText('音量', { exact: true }).isVisible(), 'the volume control has a visible label');
    // The console and the guest page label every tile too.
    for (const caption of ['住民', 'あなた', '手話通訳者']) {
      assert.ok(await staff.page.locator('.video-view__caption', { hasText: caption }).first().isVisible(), `console tile 「${caption}」`);
    }
    for (const caption of ['住民の方', '職員', 'あなた']) {
      assert.ok(await guest.page.locator('.video-view__caption', { hasText: caption }).first().isVisible(), `guest tile 「${caption}」`);
    }

    await guest.page.getByRole('button', { name: '退出する' }).click();
    await guest.page.getByText('退出しました。このリンクはもう使えません。').waitFor({ timeout: 10_000 });
    const consultations = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    assert.equal(consultations.items[0]?.status, 'active', 'the call goes on without the guest');
    const types = (await server.app.repositories.consultationEvents.listFor(consultations.items[0]?.id ?? '')).map((e) => e.type);
    assert.ok(types.includes('guest_invited'), types.join(', '));

    // A second guest reads the specialist's messages and is told plainly when the call ends.
    const second = expectStatus(
      await restClient(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken).call<GuestLink>('createGuestLink', {
        params: { id: consultations.items[0]?.id ?? '' },
        body: { label: '通訳' },
      }),
      201,
    );
    await guest.page.goto('about:blank');
    await guest.page.goto(second.url);
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    await staff.page.getByLabel('住民の方へのメッセージ').fill('申請書をお持ちですか');
    await staff.page.getByRole('button', { name: '送信' }).click();
    await guest.page.getByText('申請書をお持ちですか').waitFor({ timeout: 10_000 });
    await hangUpAtDesk(staff.page);
    await guest.page.getByText('通話が終了しました。このページを閉じてください。').waitFor({ timeout: 10_000 });
  });
});
