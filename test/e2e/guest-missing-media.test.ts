import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { GuestLink } from '@madoguchi/contract/guests';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, readInboundMedia, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { until } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer } from '../helpers/start-server';

/**
 * The guest's browser refuses camera and microphone (the guest said no to the prompt, or a policy
 * does), until the test allows them: then the page is reloaded, as the notice tells the guest.
 * Runs before the app's own scripts.
 */
const ALLOWED_KEY = 'madoguchi-test-media-allowed';
const REFUSED_UNTIL_ALLOWED = `(() => {
  const media = navigator.mediaDevices;
  const open = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    if (sessionStorage.getItem('${ALLOWED_KEY}') !== '1') throw new DOMException('Permission denied', 'NotAllowedError');
    return open(constraints);
  };
})();`;

/** Remote video streams the page decodes (more than a few frames each). */
async function decodedVideoStreams(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let streams = 0;
    for (const pc of (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((r: Record<string, unknown>) => {
        if (r['type'] === 'inbound-rtp' && r['kind'] === 'video' && Number(r['framesDecoded'] ?? 0) > 5) streams += 1;
      });
    }
    return streams;
  });
}

const WHAT_HAPPENED = 'あなたのカメラとマイクが使えません。';
const WHAT_TO_DO = 'ブラウザがこのページにカメラ・マイクの使用を許可していません。アドレスバーのカメラのアイコン（またはブラウザの設定）で許可してから、このページを再読み込みしてください。';
const AT_DESK_NO_CAMERA = '通訳者の端末のカメラが使えないため、通訳者の映像は届きません（本人には許可や接続の確認を案内しています）。';
const AT_DESK_NO_MICROPHONE = '通訳者の端末のマイクが使えないため、通訳者の声は届きません（本人には許可や接続の確認を案内しています）。';

describe('a guest whose browser refuses camera and microphone (Chromium)', () => {
  const rig = kioskAndDesk(() => startTestServer({ webRtcServerPort: 0, reconnectGraceMs: 20_000 }));
  let guest: BrowserHandle | undefined;
  after(() => guest?.close());

  it('is told what happened and what to do, still sees and hears the call, and the desk is told; allowed and reloaded, they are seen', { timeout: 120_000 }, async () => {
    const { server, staff } = rig;
    await answeredCall(rig);
    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id ?? '';
    const desk = restClient(server.url, (await loginStaff(server.url, server.demo.staffLoginId, server.demo.staffPassword)).accessToken);
    const link = expectStatus(await desk.call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: '通訳', kind: 'interpreter' } }), 201);

    guest = await openBrowser({ initScripts: [REFUSED_UNTIL_ALLOWED] });
    await guest.page.goto(link.url);
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    const notice = guest.page.getByRole('alert');
    await notice.getByText(WHAT_HAPPENED).waitFor({ timeout: 10_000 });
    assert.match((await notice.textContent()) ?? '', new RegExp(`${WHAT_TO_DO.replace(/[()（）]/g, '.')}.*このまま見聞きできます`));

    // The call goes on for the guest: the resident and the specialist, seen and heard.
    const deadline = Date.now() + 30_000;
    while ((await decodedVideoStreams(guest.page)) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 300));
    assert.equal(await decodedVideoStreams(guest.page), 2, 'the guest sees the resident and the specialist');
    const heard = await waitForMedia(guest.page, (m) => m.audioPacketsReceived > 20, 20_000);
    assert.ok(heard.audioPacketsReceived > 20, `the guest hears the call: ${JSON.stringify(heard)}`);

    // The desk knows why the interpreter is neither seen nor heard; the record keeps it.
    await staff.page.getByText(AT_DESK_NO_CAMERA).waitFor({ timeout: 10_000 });
    await staff.page.getByText(AT_DESK_NO_MICROPHONE).waitFor({ timeout: 10_000 });
    const reported = await until(
      async () => (await server.app.repositories.consultationEvents.listFor(consultationId)).filter((e) => e.type === 'device_problem').map((e) => [e.actor, e.details['device']]),
      (rows) => rows.length >= 2,
      { what: 'the guest\'s device problems on the record' },
    );
    assert.deepEqual(reported.sort(), [['guest', 'camera'], ['guest', 'microphone']]);

    // The guest does as told: allows camera and microphone, reloads. The same link takes them back in, seen.
    const deskStreamsBefore = await decodedVideoStreams(staff.page);
    await guest.page.evaluate(`sessionStorage.setItem('${ALLOWED_KEY}', '1')`);
    await guest.page.reload();
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    await staff.page.getByText(AT_DESK_NO_CAMERA).waitFor({ state: 'detached', timeout: 10_000 });
    const seenAgain = Date.now() + 30_000;
    while ((await decodedVideoStreams(staff.page)) <= deskStreamsBefore && Date.now() < seenAgain) await new Promise((r) => setTimeout(r, 300));
    assert.ok((await decodedVideoStreams(staff.page)) > deskStreamsBefore, 'the desk now sees the interpreter');
    assert.equal(await guest.page.getByText(WHAT_HAPPENED).count(), 0, 'no notice once the devices work');
    assert.ok((await readInboundMedia(guest.page)).audioPacketsReceived > 0);
    assert.equal(server.app.consultations.has(consultationId), true, 'the call is still live');
  });
});
