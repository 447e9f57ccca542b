import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import { guestTokenOf } from '../fixtures/guest-link';
import { twoTestNodes } from '../fixtures/two-nodes';
import { lineWhere } from '../helpers/caption-lines';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { eventually } from '../helpers/poll';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { expectStatus, restClient } from '../helpers/rest-client';
import { rtpSpeaker } from '../helpers/rtp-speaker';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { SENTENCES, speechDir, speechWav, wordMatch } from '../helpers/speech';

/** Share of the sentence's words the recogniser's final line must hold (espeak-ng's voice, see captions.test.ts). */
const WORD_MATCH = 0.6;

/**
 * Issue 18 across server nodes: the kiosk sits on node 1 (which holds the call, its media and
 * its caption pipeline); the specialist's console is on node 2 and reaches node 1 through the
 * holder link, as the browser does; the captioner's link, made on node 2, opens node 1. Captions
 * from the recogniser and from the captioner reach the kiosk and the desk; the desk's correction
 * reaches the kiosk; the record on the shared database says which sources were used.
 */
describe('captions with the kiosk and the specialist on different server nodes (Redis)', async () => {
  const reachable = await redisReachable();
  const skip = reachable ? false : `no Redis at ${REDIS_URL}`;
  const nodes = twoTestNodes({ reachable, name: 'cap', server: { captions: { engine: 'pocketsphinx' } } });

  it('recogniser and captioner lines reach the kiosk on node 1 and the desk from node 2; the correction too', { skip }, async () => {
    const { node1, node2 } = nodes;
    const kioskAuth = await kioskToken(node1.url, node1.demo.kioskCredential);
    const staffAuth = await loginStaff(node2.url, 'demo-staff', 'test-password');
    const kiosk = await connectSocket(node1.url, kioskAuth.accessToken);
    const desk = await connectSocket(node2.url, staffAuth.accessToken);
    let holder: TestSocket | null = null;
    let captioner: TestSocket | null = null;
    let consultationId = '';
    const dir = await speechDir();
    try {
      await eventually(async () => node1.app.cluster.peerOrigins().includes(node2.url), 15_000);
      ({ consultationId } = expectOk(await request(kiosk, 'callStaff', {})));
      await eventually(async () => expectOk(await request(desk, 'getQueue', {})).some((e) => e.consultationId === consultationId), 15_000);
      const accepted = expectOk(await request(desk, 'acceptCall', { consultationId }));
      assert.equal(accepted.mediaNodeUrl, node1.url, 'the call is held by the kiosk’s node');
      // The console's holder link: a second socket of the same member, to node 1.
      holder = await connectSocket(node1.url, staffAuth.accessToken, { origin: node2.url });
      for (const socket of [kiosk, holder]) {
        const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
        expectOk(await request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
      }

      // The recogniser on node 1 hears the specialist's microphone.
      const room = node1.sfu.getRoom(consultationId);
      assert.ok(room, 'node 1 holds the media room');
      const staffSub = (JSON.parse(Buffer.from(staffAuth.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string }).sub;
      const speaker = await rtpSpeaker(room, `staff:${staffSub}`);
      const spoken = SENTENCES[0];
      const atKiosk = lineWhere(kiosk, 'a recognised final line at the kiosk', (l) => l.final && l.source === 'recogniser');
      const atDesk = lineWhere(holder, 'a recognised final line at the desk', (l) => l.final && l.source === 'recogniser');
      const play = await speaker.play(await speechWav(dir, 'two-nodes', spoken));
      const [kioskLine, deskLine] = await Promise.all([atKiosk, atDesk]);
      assert.ok(wordMatch(spoken, kioskLine.text) >= WORD_MATCH, `"${kioskLine.text}" has too few words of "${spoken}"`);
      assert.equal(deskLine.lineId, kioskLine.lineId, 'the desk sees the line the resident reads');
      await play.done;
      speaker.stop();

      // A captioner invited from node 2 is sent to node 1 and types there.
      const link = expectStatus(
        await restClient(node2.url, staffAuth.accessToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: '要約筆記', kind: 'captioner' } }),
        201,
      );
      assert.equal(new URL(link.url).origin, node1.url, 'the captioner’s link opens the node holding the call');
      captioner = await connectSocket(node1.url, guestTokenOf(link));
      const info = expectOk(await request(captioner, 'getServerInfo', {}));
      assert.equal(info.guestKind, 'captioner');
      expectOk(await request(captioner, 'joinRoom', { consultationId, rtpCapabilities: info.routerRtpCapabilities }));
      const lineId = randomUUID();
      const typedAtKiosk = lineWhere(kiosk, 'the captioner’s line at the kiosk', (l) => l.lineId === lineId && l.final);
      const typedAtDesk = lineWhere(holder, 'the captioner’s line at the desk', (l) => l.lineId === lineId && l.final);
      expectOk(await request(captioner, 'captionInput', { consultationId, lineId, text: '本日はご来庁', final: false }));
      expectOk(await request(captioner, 'captionInput', { consultationId, lineId, text: '本日はご来庁ありがとうございます', final: true }));
      assert.equal((await typedAtKiosk).source, 'captioner');
      assert.equal((await typedAtDesk).text, '本日はご来庁ありがとうございます');

      // The desk corrects the recogniser's line; the kiosk shows the new text in place.
      const corrected = lineWhere(kiosk, 'the corrected line', (l) => l.lineId === kioskLine.lineId && l.corrected);
      expectOk(await request(holder, 'correctCaption', { consultationId, lineId: kioskLine.lineId, text: spoken }));
      assert.equal((await corrected).text, spoken);

      // Hang-up from node 2's socket is passed to node 1; the pipeline stops with the call.
      const ended = nextEvent(kiosk, 'callEnded');
      expectOk(await request(desk, 'hangUp', { consultationId }));
      await ended;
      await eventually(async () => node1.app.captions.recogniserPid(consultationId) === null, 10_000);
    } finally {
      if (consultationId) await request(desk, 'hangUp', { consultationId }).catch(() => undefined);
      kiosk.disconnect();
      desk.disconnect();
      holder?.disconnect();
      captioner?.disconnect();
    }
    const events: { details: Record<string, unknown> }[] = await node2.db.dataSource.query(
      `SELECT details FROM session_event WHERE session_id = $1 AND type = 'captions_used' ORDER BY id`,
      [consultationId],
    );
    assert.deepEqual(events.map((e) => e.details['source']).sort(), ['captioner', 'recogniser'], 'the shared record names both sources once');
  });
});
