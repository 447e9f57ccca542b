import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it, mock } from 'node:test';
import { Server } from 'socket.io';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { GuestKind } from '@madoguchi/contract/guests';
import type { AcceptCallResult, ResumableCall, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { createClusterLink, type ClusterLink } from '../../server/src/cluster/cluster-link';
import { PEER_STALE_MS, PeerNodes } from '../../server/src/cluster/peer-nodes';
import { AppError } from '../../server/src/domain/app-error';
import type { ConsultationService } from '../../server/src/domain/consultation-service';
import { mayServe } from '../../server/src/domain/queue-scope';
import type { SignallingServer } from '../../server/src/signalling/signalling-types';
import { eventually } from '../helpers/poll';
import { walkIn } from '../helpers/queue-entry';
import { redisReachable, REDIS_URL } from '../helpers/redis';

/**
 * Issue 15 item 6: the inter-node link on its own. Each "node" is a real socket.io server with
 * the real cluster link over the real Redis adapter (one fresh channel key per run, so other
 * people's nodes on the shared Redis never hear these); only the consultation service behind a
 * node is a fake, holding a few consultations and applying the real department rule (mayServe).
 */

const GENERAL = 'd0000000-0000-4000-8000-000000000001';
const TAX = 'd0000000-0000-4000-8000-000000000002';
const PENSION = 'd0000000-0000-4000-8000-000000000003';

const taxDesk: SocketPrincipal = { role: 'staff', id: '5e0f2b34-8c1a-4f65-9d7e-0a1b2c3d4e5f', displayName: '窓口 花子', departmentIds: [TAX] };
const pensionDesk: SocketPrincipal = { role: 'staff', id: '7a2b3c4d-8c1a-4f65-9d7e-0a1b2c3d4e5f', displayName: '年金 次郎', departmentIds: [PENSION] };

interface HeldConsultation {
  departmentId: string | null;
  state: 'queued' | 'active';
  kioskName: string;
  staffId: string | null;
}

/** What the link uses of the consultation service; the fake below implements exactly this. */
type Served = Pick<ConsultationService, 'has' | 'accept' | 'expectRemoteJoin' | 'hangUp' | 'liveCallOf' | 'inviteGuest' | 'refreshLocalForecasts'>;

/** The consultations one node holds; every call it gets is logged, so a test sees what reached the holder. */
class FakeHolder implements Served {
  readonly asked: string[] = [];
  readonly principals: SocketPrincipal[] = [];
  readonly held = new Map<string, HeldConsultation>();
  forecastRefreshes = 0;

  has(consultationId: string): boolean {
    return this.held.has(consultationId);
  }

  async accept(principal: SocketPrincipal, consultationId: string): Promise<AcceptCallResult> {
    this.asked.push(`accept ${consultationId}`);
    this.principals.push(principal);
    const consultation = this.held.get(consultationId);
    if (!consultation || consultation.state !== 'queued') throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left');
    if (!mayServe(principal, consultation.departmentId)) throw AppError.forbidden('this resident is waiting for another department');
    consultation.state = 'active';
    consultation.staffId = principal.id;
    return { consultationId, kioskName: consultation.kioskName, kioskLocation: '1F', mediaNodeUrl: null };
  }

  expectRemoteJoin(principal: SocketPrincipal, consultationId: string): void {
    this.asked.push(`expectRemoteJoin ${consultationId} ${principal.id}`);
  }

  async hangUp(principal: SocketPrincipal, consultationId: string, reason?: 'resident_absent'): Promise<void> {
    this.asked.push(`hangUp ${consultationId} ${reason ?? '-'}`);
    const consultation = this.held.get(consultationId);
    if (!consultation || consultation.staffId !== principal.id) throw AppError.forbidden('not a participant of this call');
    this.held.delete(consultationId);
  }

  liveCallOf(principal: SocketPrincipal): ResumableCall | null {
    for (const [consultationId, consultation] of this.held) {
      if (consultation.staffId === principal.id) {
        return { consultationId, state: consultation.state, peerName: consultation.kioskName, peerLocation: '1F', queuePosition: null, mediaNodeUrl: null, department: null };
      }
    }
    return null;
  }

  async inviteGuest(principal: SocketPrincipal, consultationId: string, label: string, ttlSeconds: number, kind: GuestKind): Promise<{ linkId: string; expiresAt: Date }> {
    this.asked.push(`inviteGuest ${consultationId} ${label} ${kind} ${ttlSeconds}`);
    const consultation = this.held.get(consultationId);
    if (consultation?.state !== 'active' || consultation.staffId !== principal.id) throw AppError.invalidState('the call is not in progress');
    return { linkId: 'link-1', expiresAt: new Date('2026-12-04T10:30:00.000Z') };
  }

  refreshLocalForecasts(): void {
    this.forecastRefreshes += 1;
  }
}

interface TestNode {
  link: ClusterLink;
  io: SignallingServer;
  url: string;
  holder: FakeHolder;
  close(): Promise<void>;
}

/** One node of the cluster `key`; `serve: false` is a stuck node: joined, but answers no forwarded request. */
function startNode(key: string, name: string, port: number, serve = true): TestNode {
  const url = `http://127.0.0.1:${port}`;
  // Never listening: the link only needs the server-side adapter (an engine to close at the end).
  const io: SignallingServer = new Server(createServer());
  const peers = new PeerNodes(() => url);
  const link = createClusterLink(io, peers, {
    nodeId: `${name}-${key}`,
    nodeUrl: () => url,
    redisUrl: REDIS_URL,
    key,
    // A silent node is stuck: it reads its load forever too.
    nodeLoad: () => (serve ? Promise.resolve({ nodeId: `${name}-${key}`, self: true, workers: [], media: { transports: 0, producers: 0, consumers: 0 } }) : new Promise<never>(() => undefined)),
  });
  const holder = new FakeHolder();
  if (serve) link.serve(holder as unknown as ConsultationService);
  return {
    link,
    io,
    url,
    holder,
    async close() {
      // The http server never listened, so its close reports "not running": nothing to wait for.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await link.close();
    },
  };
}

/** Both links are connected and have heard each other (so the adapter counts both as subscribers). */
async function joinCluster(...nodes: TestNode[]): Promise<void> {
  await eventually(async () => nodes.every((node) => node.link.ready()));
  for (const node of nodes) node.link.announce();
  await eventually(async () => nodes.every((node) => nodes.every((other) => other === node || node.link.peerOrigins().includes(other.url))));
}

function queued(consultationId: string, departmentId: string | null, queuedAt: string): QueueEntry {
  return walkIn(consultationId, departmentId, { kioskId: randomUUID(), queuedAt });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    return error;
  }
  return assert.fail('expected the request to be refused');
}

describe('cluster link between two nodes (real Redis adapter, fake consultation service)', async () => {
  const reachable = await redisReachable();
  const skip = reachable ? false : `no Redis at ${REDIS_URL}`;
  const key = `clusterlink-test-${randomUUID()}`;
  let a: TestNode;
  let b: TestNode;

  before(async () => {
    if (!reachable) return;
    a = startNode(key, 'a', 4901);
    b = startNode(key, 'b', 4902);
    await joinCluster(a, b);
  });
  after(async () => {
    if (!reachable) return;
    await b.close();
    await a.close();
  });

  it('an accept forwarded to the node holding the resident is answered there, with that node as the media node', { skip }, async () => {
    const consultationId = randomUUID();
    b.holder.held.set(consultationId, { departmentId: TAX, state: 'queued', kioskName: '北出張所', staffId: null });

    const result = await a.link.acceptElsewhere(taxDesk, consultationId);

    assert.deepEqual(result, { consultationId, kioskName: '北出張所', kioskLocation: '1F', mediaNodeUrl: b.url });
    // The holder ran the accept for the very principal that asked, and expects their media socket.
    assert.deepEqual(b.holder.asked, [`accept ${consultationId}`, `expectRemoteJoin ${consultationId} ${taxDesk.id}`]);
    assert.deepEqual(b.holder.principals, [taxDesk]);
    assert.deepEqual(a.holder.asked, [], 'the asking node holds nothing and ran nothing');

    // The desk reloads on node A: the live call is found on B, pointing at B.
    assert.deepEqual(await a.link.findCallElsewhere(taxDesk), {
      consultationId,
      state: 'active',
      peerName: '北出張所',
      peerLocation: '1F',
      queuePosition: null,
      mediaNodeUrl: b.url,
      department: null,
    });

    const invitation = await a.link.inviteGuestElsewhere({ principal: taxDesk, consultationId, label: '通訳', kind: 'interpreter', ttlSeconds: 600 });
    assert.deepEqual(invitation, { linkId: 'link-1', expiresAt: '2026-12-04T10:30:00.000Z', nodeUrl: b.url });

    await a.link.hangUpElsewhere(taxDesk, consultationId, 'resident_absent');
    assert.deepEqual(b.holder.asked.slice(2), [`inviteGuest ${consultationId} 通訳 interpreter 600`, `hangUp ${consultationId} resident_absent`]);
    assert.equal(b.holder.has(consultationId), false);

    // The operator view on A reads B's media load, marked as not A's own.
    const load = await a.link.otherNodesLoad();
    assert.equal(load.complete, true);
    assert.deepEqual(load.loads.map((node) => [node.nodeId, node.self]), [[`b-${key}`, false]]);
  });

  it("a forwarded accept refused by the holder's department check comes back as that refusal, not as 'already taken'", { skip }, async () => {
    const consultationId = randomUUID();
    b.holder.held.set(consultationId, { departmentId: TAX, state: 'queued', kioskName: '南出張所', staffId: null });
    b.holder.asked.length = 0;

    const error = await rejection(a.link.acceptElsewhere(pensionDesk, consultationId));

    assert.equal(error.code, ErrorCode.Forbidden);
    assert.equal(error.message, 'this resident is waiting for another department');
    assert.deepEqual(b.holder.asked, [`accept ${consultationId}`], 'the holder judged it; nothing else ran');
    assert.equal(b.holder.held.get(consultationId)?.state, 'queued', 'the resident still waits for a tax desk');
    // A hang-up by someone not in the call is refused by the holder in the same way.
    assert.equal((await rejection(a.link.hangUpElsewhere(pensionDesk, consultationId))).code, ErrorCode.Forbidden);
    // The refusal did not cost the right desk the resident.
    assert.equal((await a.link.acceptElsewhere(taxDesk, consultationId)).mediaNodeUrl, b.url);
  });

  it('requests about a consultation no node holds get the error the user can act on, and run nothing anywhere', { skip }, async () => {
    const unknown = randomUUID();
    a.holder.asked.length = 0;
    b.holder.asked.length = 0;

    const accept = await rejection(a.link.acceptElsewhere(taxDesk, unknown));
    assert.equal(accept.code, ErrorCode.AlreadyTaken);
    assert.equal((await rejection(a.link.hangUpElsewhere(taxDesk, unknown))).code, ErrorCode.NotFound);
    const invite = await rejection(a.link.inviteGuestElsewhere({ principal: taxDesk, consultationId: unknown, label: '通訳', kind: 'interpreter', ttlSeconds: 600 }));
    assert.equal(invite.code, ErrorCode.InvalidState);
    assert.equal(await a.link.findCallElsewhere(pensionDesk), null, 'a desk with no live call anywhere has nothing to go back to');

    assert.deepEqual(b.holder.asked, [], 'a node that does not hold it runs nothing');
    assert.deepEqual(a.holder.asked, []);
  });

  it("each node's queue is the union of both, oldest first; a node that falls silent drops out after the lease", { skip }, async () => {
    const here = queued(randomUUID(), GENERAL, '2026-12-04T01:00:02.000Z');
    const there = queued(randomUUID(), TAX, '2026-12-04T01:00:01.000Z');
    a.link.publishLocalQueue([here]);
    b.link.publishLocalQueue([there]);
    await eventually(async () => a.link.queue().length === 2 && b.link.queue().length === 2);
    assert.deepEqual(a.link.queue().map((entry) => entry.consultationId), [there.consultationId, here.consultationId]);
    assert.deepEqual(b.link.queue(), a.link.queue());
    assert.deepEqual(a.link.nodeUrls(), [a.url, b.url]);

    // B stops sending snapshots (its clock is not this test's): once PEER_STALE_MS pass, A no
    // longer offers B's residents nor B's address.
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      mock.timers.tick(PEER_STALE_MS - 1_000);
      assert.equal(a.link.queue().length, 2, 'still within the lease');
      assert.deepEqual(a.link.peerOrigins(), [b.url]);
      mock.timers.tick(2_000);
      assert.deepEqual(a.link.queue().map((entry) => entry.consultationId), [here.consultationId]);
      assert.deepEqual(a.link.peerOrigins(), []);
      assert.deepEqual(a.link.nodeUrls(), [a.url]);
    } finally {
      mock.timers.reset();
    }
    a.link.publishLocalQueue([]);
    b.link.publishLocalQueue([]);
    await eventually(async () => a.link.queue().length === 0 && b.link.queue().length === 0);
  });

  it("another node's judging beat is noticed; a node's own beat does not count", { skip }, async () => {
    const before = Date.now();
    a.link.reportJudgingBeat();
    // A's own beat goes out; only B hears it.
    await eventually(async () => b.link.peerJudgedSince(before));
    // (The Redis adapter does not deliver a node's server-side messages to itself, so the link's
    // own guard against that is not what keeps this false.)
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(a.link.peerJudgedSince(before), false, 'a node does not count its own beat');
    b.link.reportJudgingBeat();
    await eventually(async () => a.link.peerJudgedSince(before));
  });

  it("staff changes on one node make the other refresh its residents' forecasts (one message per burst)", { skip }, async () => {
    const start = b.holder.forecastRefreshes;
    const startHere = a.holder.forecastRefreshes;
    for (let i = 0; i < 5; i += 1) a.link.forecastInputsChanged();
    await eventually(async () => b.holder.forecastRefreshes > start);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(b.holder.forecastRefreshes, start + 1);
    assert.equal(a.holder.forecastRefreshes, startHere, 'the node that changed does not refresh from its own message');
  });

  it('a node that joined but does not answer: the asker gets a clear TIMEOUT, and the other readings say they are incomplete', { skip, timeout: 20_000 }, async () => {
    const silent = startNode(key, 'silent', 4903, false);
    try {
      await joinCluster(a, b, silent);
      const consultationId = randomUUID();
      b.holder.held.set(consultationId, { departmentId: TAX, state: 'queued', kioskName: '西出張所', staffId: null });
      const started = Date.now();

      const [accept, found, load] = await Promise.all([
        rejection(a.link.acceptElsewhere(taxDesk, consultationId)),
        a.link.findCallElsewhere(taxDesk),
        a.link.otherNodesLoad(),
      ]);

      assert.equal(accept.code, ErrorCode.Timeout);
      assert.match(accept.message, /did not answer; try again/);
      assert.ok(Date.now() - started < 15_000, 'bounded by the adapter timeout, not hanging');
      assert.equal(found, null);
      assert.equal(load.complete, false);
    } finally {
      await silent.close();
    }
  });
});
