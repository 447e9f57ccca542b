import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { AcceptCallResult, ResumableCall, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { createCallPlacement } from '../../../../server/src/cluster/call-placement';
import type { ClusterLink } from '../../../../server/src/cluster/cluster-link';
import { AppError } from '../../../../server/src/domain/app-error';
import type { ConsultationService } from '../../../../server/src/domain/consultation-service';

const staff: SocketPrincipal = { role: 'staff', id: '5e0f2b34-8c1a-4f65-9d7e-0a1b2c3d4e5f', displayName: '窓口 花子' };
const kiosk: SocketPrincipal = { role: 'kiosk', id: '6f1a3c45-9d2b-4a76-8e8f-1b2c3d4e5f60', displayName: '中央図書館' };
const HERE = '11111111-1111-4111-8111-111111111111';
const ELSEWHERE = '22222222-2222-4222-8222-222222222222';

function acceptResult(consultationId: string, mediaNodeUrl: string | null): AcceptCallResult {
  return { consultationId, kioskName: '中央図書館', kioskLocation: '1F', mediaNodeUrl };
}

/** This node's consultations (a fake holding HERE) and the cluster link (a fake for every other node), each logging what it was asked. */
function fakes(options: { elsewhereHangUp?: () => Promise<void>; liveHere?: ResumableCall | null; liveElsewhere?: ResumableCall | null } = {}) {
  const asked: string[] = [];
  const consultations = {
    has: (consultationId: string) => consultationId === HERE,
    accept: async (_p: SocketPrincipal, consultationId: string) => {
      asked.push(`local accept ${consultationId}`);
      return acceptResult(consultationId, null);
    },
    hangUp: async (_p: SocketPrincipal, consultationId: string) => void asked.push(`local hangUp ${consultationId}`),
    endOrphan: async (_p: SocketPrincipal, consultationId: string) => void asked.push(`orphan ${consultationId}`),
    inviteGuest: async (_p: SocketPrincipal, consultationId: string) => {
      asked.push(`local invite ${consultationId}`);
      return { linkId: 'link-here', expiresAt: new Date('2026-12-04T10:30:00Z') };
    },
    liveCallOf: () => options.liveHere ?? null,
  } as unknown as ConsultationService;
  const cluster = {
    acceptElsewhere: async (_p: SocketPrincipal, consultationId: string) => {
      asked.push(`remote accept ${consultationId}`);
      return acceptResult(consultationId, 'http://node-b:3000');
    },
    hangUpElsewhere: async (_p: SocketPrincipal, consultationId: string) => {
      asked.push(`remote hangUp ${consultationId}`);
      await options.elsewhereHangUp?.();
    },
    inviteGuestElsewhere: async ({ consultationId }: { consultationId: string }) => {
      asked.push(`remote invite ${consultationId}`);
      return { linkId: 'link-there', expiresAt: '2026-12-04T10:30:00.000Z', nodeUrl: 'http://node-b:3000' };
    },
    findCallElsewhere: async () => {
      asked.push('remote find');
      return options.liveElsewhere ?? null;
    },
  } as unknown as ClusterLink;
  return { asked, placement: createCallPlacement(consultations, cluster) };
}

describe('call placement: one place decides whether a call is held here or by another node', () => {
  it('accepts here what this node holds and asks the holder for the rest', async () => {
    const { asked, placement } = fakes();
    assert.equal((await placement.accept(staff, HERE)).mediaNodeUrl, null);
    assert.equal((await placement.accept(staff, ELSEWHERE)).mediaNodeUrl, 'http://node-b:3000');
    assert.deepEqual(asked, [`local accept ${HERE}`, `remote accept ${ELSEWHERE}`]);
  });

  it('closes an orphaned call from its record when no node holds it, but never for a guest', async () => {
    const { asked, placement } = fakes({ elsewhereHangUp: () => Promise.reject(AppError.notFound('consultation')) });
    await placement.hangUp(staff, ELSEWHERE);
    assert.deepEqual(asked, [`remote hangUp ${ELSEWHERE}`, `orphan ${ELSEWHERE}`]);
    const guest: SocketPrincipal = { role: 'guest', id: 'link-1', displayName: '通訳' };
    await assert.rejects(placement.hangUp(guest, ELSEWHERE), (error: unknown) => error instanceof AppError && error.code === ErrorCode.NotFound);
  });

  it('passes on a refusal from the holder instead of closing the record', async () => {
    const { asked, placement } = fakes({ elsewhereHangUp: () => Promise.reject(AppError.forbidden('not your call')) });
    await assert.rejects(placement.hangUp(staff, ELSEWHERE), (error: unknown) => error instanceof AppError && error.code === ErrorCode.Forbidden);
    assert.deepEqual(asked, [`remote hangUp ${ELSEWHERE}`]);
  });

  it('invites a guest on the holding node and names that node only when it is another', async () => {
    const { placement } = fakes();
    const here = await placement.inviteGuest(staff, HERE, { label: '通訳', kind: 'interpreter', ttlSeconds: 1800 });
    assert.equal(here.nodeUrl, null);
    const there = await placement.inviteGuest(staff, ELSEWHERE, { label: '通訳', kind: 'interpreter', ttlSeconds: 1800 });
    assert.equal(there.nodeUrl, 'http://node-b:3000');
    assert.equal(there.expiresAt.toISOString(), '2026-12-04T10:30:00.000Z');
  });

  it("looks for a desk's live call on other nodes, never for a kiosk's", async () => {
    const call: ResumableCall = { consultationId: ELSEWHERE, state: 'active', peerName: '中央図書館', peerLocation: '1F', queuePosition: null, mediaNodeUrl: 'http://node-b:3000', department: null };
    const { asked, placement } = fakes({ liveElsewhere: call });
    assert.equal(await placement.liveCallOf(kiosk), null);
    assert.deepEqual(await placement.liveCallOf(staff), call);
    assert.deepEqual(asked, ['remote find']);
  });
});
