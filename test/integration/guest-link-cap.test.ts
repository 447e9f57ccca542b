import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorBody } from '@madoguchi/contract/errors';
import { MAX_OPEN_GUEST_LINKS, type GuestLink, type GuestLinkLimitDetails } from '@madoguchi/contract/guests';
import { callInProgress } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { until } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request } from '../helpers/socket-client';
import { databaseKinds } from '../helpers/test-database';

type Refusal = { error: ErrorBody };

for (const kind of databaseKinds()) {
  describe(`guest links: at most ${MAX_OPEN_GUEST_LINKS} open a call (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    const suite = callInProgress({ database: kind });
    /** The links the first test made, oldest first. */
    const made: GuestLink[] = [];
    const invite = () => restClient(suite.server.url, suite.staffToken).call<GuestLink | Refusal>('createGuestLink', { params: { id: suite.call.consultationId }, body: { kind: 'interpreter', label: '通訳者' } });
    const linksOfCall = async (): Promise<number> =>
      Number((await suite.server.db.dataSource.query(`SELECT count(*) AS n FROM guest_link WHERE session_id = $1`, [suite.call.consultationId]))[0]?.n);
    const assertCapped = (answer: { status: number; body: GuestLink | Refusal; text: string }) => {
      assert.equal(answer.status, 409, answer.text);
      const { error } = answer.body as Refusal;
      assert.equal(error.code, 'CONFLICT');
      assert.match(error.message, /already has 4 open guest links; a new one can be made when a guest leaves or an unused link lapses/);
      assert.deepEqual(error.details, { reason: 'guest_link_limit', limit: MAX_OPEN_GUEST_LINKS } satisfies GuestLinkLimitDetails);
    };

    it('eight invitations sent at once: exactly four links, four clear refusals, nothing more written', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, invite));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 201, 201, 201, 409, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status !== 201)) assertCapped(refused);
      made.push(...answers.filter((a) => a.status === 201).map((a) => a.body as GuestLink));
      assert.equal(await linksOfCall(), MAX_OPEN_GUEST_LINKS);
      assertCapped(await invite());
    });

    it('an unused link lapsing or a guest leaving frees a place; a guest in the call keeps theirs', async () => {
      const { server, call } = suite;
      const [lapsing, leaving] = made;
      assert.ok(lapsing && leaving);
      await server.db.dataSource.query(`UPDATE guest_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [lapsing.linkId]);
      const fresh = expectStatus(await invite(), 201) as GuestLink;
      assertCapped(await invite());

      // The new link's guest joins: their place stays taken after the link's first-use time.
      const inCall = await connectSocket(server.url, guestTokenOf(fresh));
      await server.db.dataSource.query(`UPDATE guest_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [fresh.linkId]);
      assertCapped(await invite());

      // Another guest joins and hangs up: their link is spent, a place is free again.
      const guest = await connectSocket(server.url, guestTokenOf(leaving));
      try {
        const info = expectOk(await request(guest, 'getServerInfo', {}));
        expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
        expectOk(await request(guest, 'hangUp', { consultationId: call.consultationId }));
        await until(
          async () => (await server.db.dataSource.query(`SELECT left_at FROM guest_link WHERE id = $1`, [leaving.linkId]))[0]?.left_at,
          (leftAt) => leftAt !== null,
          { what: 'the guest has left' },
        );
        expectStatus(await invite(), 201);
        assertCapped(await invite());
        assert.equal(await linksOfCall(), MAX_OPEN_GUEST_LINKS + 2, 'two places were freed, two links made');
      } finally {
        guest.disconnect();
        inCall.disconnect();
      }
    });
  });
}
