import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Ack, AckCallback } from '@madoguchi/contract/ack';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { NodeLoad } from '@madoguchi/contract/operations';
import { ErrorCode } from '@madoguchi/contract/errors';
import type {
  AcceptCallResult,
  RemoteGuestInvitation,
  RemoteGuestInvite,
  ResumableCall,
  SocketPrincipal,
} from '@madoguchi/contract/signalling-events';
import { AppError, toAppError } from '../domain/app-error';
import type { ConsultationService } from '../domain/consultation-service';
import { entriesInScope } from '../domain/queue-scope';
import { queueScopeOfRoom } from '../domain/room-names';
import { createLogger } from '../logging/logger';
import { rescopeLocalMemberSockets } from '../signalling/member-scope';
import { PEER_STALE_MS, type PeerNodes } from './peer-nodes';
import type { SignallingServer } from '../signalling/signalling-types';

const log = createLogger('cluster');

/** Snapshots are repeated so a node that vanished without a word drops out of the queue. */
const SNAPSHOT_EVERY_MS = 10_000;
const REMOTE_REQUEST_TIMEOUT_MS = 5_000;
const FORECAST_COALESCE_MS = 100;

const NOT_HELD = 'not held by this node';

/**
 * What one server node shares with the others. Each node owns the consultations whose kiosk
 * reached it (their state and their media); the queue staff see is the union of every node's
 * own queue; accepting a resident held elsewhere is forwarded to the node that holds it.
 */
export interface ClusterLink {
  readonly nodeId: string;
  /** Every node's waiting residents, oldest first. */
  queue(): QueueEntry[];
  /** This node's queue changed: tell the other nodes and this node's staff. */
  publishLocalQueue(entries: QueueEntry[]): void;
  /** A member's departments changed: their sockets on every node take the new queue scope. */
  memberScopeChanged(staffId: string, departmentIds: string[]): void;
  /** Accept a resident this node does not hold. */
  acceptElsewhere(principal: SocketPrincipal, consultationId: string): Promise<AcceptCallResult>;
  /** Hang up a call this node does not hold. */
  hangUpElsewhere(principal: SocketPrincipal, consultationId: string, reason?: 'resident_absent'): Promise<void>;
  /** A desk's live call held by another node (null: none), with that node's URL. */
  findCallElsewhere(principal: SocketPrincipal): Promise<ResumableCall | null>;
  /** Invite a guest into a call this node does not hold. */
  inviteGuestElsewhere(invite: RemoteGuestInvite): Promise<RemoteGuestInvitation>;
  /**
   * Origins of the other nodes seen lately: pages this node serves may open sockets to them
   * (CSP), and pages they serve may open sockets here (origin check).
   */
  peerOrigins(): string[];
  /** This node's URL first, then the other nodes seen lately: where a kiosk may go if its node stops. */
  nodeUrls(): string[];
  /** This node beat in PostgreSQL and judges others' leases: tell the other nodes. */
  reportJudgingBeat(): void;
  /** Whether another node beat in PostgreSQL as a judge at or after `at` (this process's clock). */
  peerJudgedSince(at: number): boolean;
  /** Staff or calls changed on this node: the other nodes re-send their waiting residents' forecasts. */
  forecastInputsChanged(): void;
  /** The media load of every other node; `complete` is false when some did not answer in time. */
  otherNodesLoad(): Promise<{ loads: NodeLoad[]; complete: boolean }>;
  /**
   * Answers the other nodes' requests about the consultations this node holds. Called once,
   * right after the consultation service is built (which needs this link to publish its queue).
   */
  serve(consultations: ConsultationService): void;
  /** Once this node listens (its URL is known): tell the others about it and ask for their queues. */
  announce(): void;
  ready(): boolean;
  close(): Promise<void>;
}

export interface ClusterOptions {
  nodeId: string;
  /** This node's own URL, handed to clients sent here for media. */
  nodeUrl: () => string;
  /** Unset: a single node (in-memory adapter). */
  redisUrl: string | undefined;
  /** Redis channel prefix: nodes with the same key form one cluster. */
  key?: string;
  /** This node's media load, for the operator view of another node. */
  nodeLoad: () => Promise<NodeLoad>;
}

/**
 * Binds the adapter and the queue snapshots to `io`; the other nodes' requests about this
 * node's consultations are answered once serve() is given the service. `nodeUrl` is read when
 * needed (the port is known once the server listens). Redis connects in the background;
 * commands wait for it (ready() says when).
 */
export function createClusterLink(io: SignallingServer, peers: PeerNodes, options: ClusterOptions): ClusterLink {
  let local: QueueEntry[] = [];
  const remote = new Map<string, { entries: QueueEntry[]; at: number }>();
  const dropStale = (): void => {
    const now = Date.now();
    for (const [nodeId, snapshot] of remote) if (now - snapshot.at > PEER_STALE_MS) remote.delete(nodeId);
  };
  const merged = (): QueueEntry[] => {
    dropStale();
    const all = [...local];
    for (const snapshot of remote.values()) all.push(...snapshot.entries);
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  };
  // Only this node's sockets (each node sends the merged queue to its own), one queue room per
  // scope, each cut to its scope before it is sent: no socket receives an entry outside it.
  const emitToLocalStaff = (): void => {
    const queue = merged();
    // Synchronously, so an update goes out before the ack of the request that caused it.
    for (const room of io.of('/').adapter.rooms.keys()) {
      const scope = queueScopeOfRoom(room);
      if (scope) io.local.to(room).emit('queueUpdated', entriesInScope(scope, queue));
    }
  };

  if (!options.redisUrl) {
    return {
      nodeId: options.nodeId,
      queue: merged,
      publishLocalQueue(entries) {
        local = entries;
        emitToLocalStaff();
      },
      memberScopeChanged: (staffId, departmentIds) => void rescopeLocalMemberSockets(io, staffId, departmentIds, merged()),
      acceptElsewhere: () => Promise.reject(new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left')),
      inviteGuestElsewhere: () => Promise.reject(AppError.invalidState('the call is not in progress')),
      hangUpElsewhere: () => Promise.reject(AppError.notFound('consultation')),
      findCallElsewhere: () => Promise.resolve(null),
      peerOrigins: () => [],
      nodeUrls: () => [options.nodeUrl()].filter(Boolean),
      forecastInputsChanged: () => undefined,
      // A lone node: nobody else can close its calls.
      reportJudgingBeat: () => undefined,
      peerJudgedSince: () => false,
      serve: () => undefined,
      otherNodesLoad: () => Promise.resolve({ loads: [], complete: true }),
      announce: () => undefined,
      ready: () => true,
      close: async () => undefined,
    };
  }

  const pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection problem'));
  io.adapter(createAdapter(pub, sub, { key: options.key ?? 'madoguchi', requestsTimeout: REMOTE_REQUEST_TIMEOUT_MS }));

  const publishSnapshot = (): void => {
    io.serverSideEmit('queueSnapshot', { nodeId: options.nodeId, nodeUrl: options.nodeUrl(), entries: local });
  };

  io.on('queueSnapshot', ({ nodeId, nodeUrl, entries }) => {
    if (nodeId === options.nodeId) return;
    const known = remote.has(nodeId);
    remote.set(nodeId, { entries, at: Date.now() });
    peers.saw(nodeId, nodeUrl);
    // A node seen for the first time learns this one's URL at once, not in 10 s.
    if (!known) publishSnapshot();
    emitToLocalStaff();
  });
  io.on('memberScopeChanged', ({ staffId, departmentIds }) => void rescopeLocalMemberSockets(io, staffId, departmentIds, merged()));
  io.on('queueRequest', (fromNodeId) => {
    if (fromNodeId !== options.nodeId) publishSnapshot();
  });
  io.on('nodeLoad', (fromNodeId, ack) => {
    if (fromNodeId === options.nodeId) return;
    options.nodeLoad().then(ack, (error: unknown) => log.warn({ err: error }, 'could not read this node\'s load'));
  });
  let peerJudgedAt = 0;
  io.on('leaseBeat', (fromNodeId) => {
    if (fromNodeId !== options.nodeId) peerJudgedAt = Date.now();
  });
  // A burst of changes (a desk's several sockets, an accept that also empties the queue) goes
  // out as one message.
  let staleTimer: NodeJS.Timeout | null = null;
  const forecastInputsChanged = (): void => {
    if (staleTimer) return;
    staleTimer = setTimeout(() => {
      staleTimer = null;
      io.serverSideEmit('forecastsStale', options.nodeId);
    }, FORECAST_COALESCE_MS);
    staleTimer.unref();
  };

  /**
   * Runs a forwarded request if this node holds the consultation; every other node answers
   * NOT_FOUND, which the asking node's askHolder() passes over.
   */
  const answerIfHeld = <T>(service: ConsultationService, consultationId: string, ack: AckCallback<T>, run: (service: ConsultationService) => Promise<T>): void => {
    if (!service.has(consultationId)) return ack({ ok: false, error: { code: ErrorCode.NotFound, message: NOT_HELD } });
    run(service).then(
      (data) => ack({ ok: true, data }),
      (error: unknown) => ack({ ok: false, error: toAppError(error).toBody() }),
    );
  };
  /** Asks every other node; the holder's answer (or its refusal) wins, `nobody` when none holds it. */
  const askHolder = async <T>(send: () => Promise<unknown>, nobody: () => AppError): Promise<T> => {
    let responses: Ack<T>[];
    try {
      // The adapter's requestsTimeout bounds the wait for the other nodes' answers.
      responses = (await send()) as Ack<T>[];
    } catch (error) {
      throw new AppError(ErrorCode.Timeout, 'the server holding this consultation did not answer; try again', undefined, { cause: error });
    }
    const won = responses.find((r) => r.ok);
    if (won?.ok) return won.data;
    const refusal = responses.find((r) => !r.ok && r.error.code !== ErrorCode.NotFound);
    // The details travel too: a screen words some refusals from them (e.g. the guest-link cap).
    if (refusal && !refusal.ok) throw new AppError(refusal.error.code, refusal.error.message, refusal.error.details);
    throw nobody();
  };
  const timer = setInterval(publishSnapshot, SNAPSHOT_EVERY_MS);
  timer.unref();

  return {
    nodeId: options.nodeId,
    queue: merged,
    publishLocalQueue(entries) {
      local = entries;
      publishSnapshot();
      emitToLocalStaff();
    },
    memberScopeChanged(staffId, departmentIds) {
      rescopeLocalMemberSockets(io, staffId, departmentIds, merged());
      io.serverSideEmit('memberScopeChanged', { staffId, departmentIds });
    },
    acceptElsewhere(principal, consultationId) {
      return askHolder<AcceptCallResult>(
        () => io.serverSideEmitWithAck('acceptRemote', { principal, consultationId }),
        () => new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left'),
      );
    },
    async hangUpElsewhere(principal, consultationId, reason) {
      await askHolder<null>(
        () => io.serverSideEmitWithAck('hangUpRemote', reason ? { principal, consultationId, reason } : { principal, consultationId }),
        () => AppError.notFound('consultation'),
      );
    },
    async findCallElsewhere(principal) {
      try {
        return await askHolder<ResumableCall | null>(
          () => io.serverSideEmitWithAck('findCallRemote', { principal }),
          () => AppError.notFound('consultation'),
        );
      } catch (error) {
        // Nobody holds one (or a node did not answer): the console offers nothing to go back to.
        log.debug({ err: error }, 'no live call found on other nodes');
        return null;
      }
    },
    inviteGuestElsewhere(invite) {
      return askHolder<RemoteGuestInvitation>(
        () => io.serverSideEmitWithAck('inviteGuestRemote', invite),
        () => AppError.invalidState('the call is not in progress'),
      );
    },
    peerOrigins: () => peers.origins(),
    nodeUrls: () => [options.nodeUrl(), ...peers.origins()].filter(Boolean),
    forecastInputsChanged,
    reportJudgingBeat() {
      if (pub.status === 'ready') io.serverSideEmit('leaseBeat', options.nodeId);
    },
    peerJudgedSince: (at) => peerJudgedAt >= at,
    serve(consultations) {
    io.on('forecastsStale', (fromNodeId) => {
      if (fromNodeId !== options.nodeId) consultations.refreshLocalForecasts();
    });
    io.on('acceptRemote', ({ principal, consultationId }, ack) =>
      answerIfHeld(consultations, consultationId, ack, async (service) => {
        const result = await service.accept(principal, consultationId);
        service.expectRemoteJoin(principal, consultationId);
        return { ...result, mediaNodeUrl: options.nodeUrl() };
      }),
    );
    io.on('hangUpRemote', ({ principal, consultationId, reason }, ack) =>
      answerIfHeld(consultations, consultationId, ack, async (service) => {
        await service.hangUp(principal, consultationId, reason);
        return null;
      }),
    );
    io.on('findCallRemote', ({ principal }, ack) => {
      const call = consultations.liveCallOf(principal);
      if (!call) return ack({ ok: false, error: { code: ErrorCode.NotFound, message: NOT_HELD } });
      ack({ ok: true, data: { ...call, mediaNodeUrl: options.nodeUrl() } });
    });
    io.on('inviteGuestRemote', ({ principal, consultationId, label, kind, ttlSeconds }, ack) =>
      answerIfHeld(consultations, consultationId, ack, async (service) => {
        const { linkId, expiresAt } = await service.inviteGuest(principal, consultationId, label, ttlSeconds, kind);
        return { linkId, expiresAt: expiresAt.toISOString(), nodeUrl: options.nodeUrl() };
      }),
    );
    },
    async otherNodesLoad() {
      try {
        const loads = (await io.serverSideEmitWithAck('nodeLoad', options.nodeId)) as NodeLoad[];
        return { loads: loads.map((load) => ({ ...load, self: false })), complete: true };
      } catch (error) {
        // The adapter gives nothing back when one node stays silent past its timeout.
        log.warn({ err: error }, 'some node did not report its load');
        return { loads: [], complete: false };
      }
    },
    announce() {
      // Once the adapter's subscriptions are in place (Redis answers a connection's commands
      // in order, so this PING returns after them), or the answers would be missed.
      sub.ping().then(
        () => {
          // Others answer with their snapshots; ours tells them this node's URL at once, so
          // pages they serve may open sockets here before the next periodic snapshot.
          publishSnapshot();
          io.serverSideEmit('queueRequest', options.nodeId);
          log.info({ nodeId: options.nodeId }, 'joined the cluster');
        },
        (error: unknown) => log.warn({ err: error }, 'could not announce this node; the periodic snapshot will'),
      );
    },
    ready: () => pub.status === 'ready' && sub.status === 'ready',
    async close() {
      clearInterval(timer);
      if (staleTimer) clearTimeout(staleTimer);
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
