import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Ack } from '../contract/ack';
import type { QueueEntry } from '../contract/consultation';
import { ErrorCode } from '../contract/errors';
import type { AcceptCallResult, SocketPrincipal } from '../contract/signalling-events';
import { AppError, toAppError } from '../domain/app-error';
import type { ConsultationService } from '../domain/consultation-service';
import { queueVisibleTo } from '../domain/queue-scope';
import { createLogger } from '../logging/logger';
import { STAFF_ROOM } from '../signalling/socket-server';
import type { SignallingServer } from '../signalling/signalling-types';

const log = createLogger('cluster');

/** Snapshots are repeated so a node that vanished without a word drops out of the queue. */
const SNAPSHOT_EVERY_MS = 10_000;
const SNAPSHOT_STALE_MS = 35_000;
const REMOTE_ACCEPT_TIMEOUT_MS = 5_000;

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
  /** Accept a resident this node does not hold. */
  acceptElsewhere(principal: SocketPrincipal, sessionId: string): Promise<AcceptCallResult>;
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
}

/**
 * Binds the adapter and the inter-node events to `io`; `consultations` and `nodeUrl` are read
 * when needed. Redis connects in the background; commands wait for it (ready() says when).
 */
export function createClusterLink(
  io: SignallingServer,
  consultations: () => ConsultationService,
  options: ClusterOptions,
): ClusterLink {
  let local: QueueEntry[] = [];
  const remote = new Map<string, { entries: QueueEntry[]; at: number }>();
  const merged = (): QueueEntry[] => {
    const now = Date.now();
    const all = [...local];
    for (const [nodeId, snapshot] of remote) {
      if (now - snapshot.at > SNAPSHOT_STALE_MS) remote.delete(nodeId);
      else all.push(...snapshot.entries);
    }
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  };
  // Only this node's staff (the adapter would otherwise deliver to every node's staff room),
  // each seeing the residents of their own departments.
  const emitToLocalStaff = (): void => {
    const queue = merged();
    // Synchronously, so an update goes out before the ack of the request that caused it.
    const namespace = io.of('/');
    for (const socketId of namespace.adapter.rooms.get(STAFF_ROOM) ?? []) {
      const socket = namespace.sockets.get(socketId);
      if (socket) socket.emit('queueUpdated', queueVisibleTo(socket.data.principal, queue));
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
      acceptElsewhere: () => Promise.reject(new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left')),
      ready: () => true,
      close: async () => undefined,
    };
  }

  const pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection problem'));
  io.adapter(createAdapter(pub, sub, { key: options.key ?? 'madoguchi', requestsTimeout: REMOTE_ACCEPT_TIMEOUT_MS }));

  const publishSnapshot = (): void => {
    io.serverSideEmit('queueSnapshot', { nodeId: options.nodeId, entries: local });
  };

  io.on('queueSnapshot', ({ nodeId, entries }) => {
    if (nodeId === options.nodeId) return;
    remote.set(nodeId, { entries, at: Date.now() });
    emitToLocalStaff();
  });
  io.on('queueRequest', (fromNodeId) => {
    if (fromNodeId !== options.nodeId) publishSnapshot();
  });
  io.on('acceptRemote', ({ principal, sessionId }, ack) => {
    const service = consultations();
    if (!service.has(sessionId)) {
      ack({ ok: false, error: { code: ErrorCode.NotFound, message: 'not held by this node' } });
      return;
    }
    service.accept(principal, sessionId).then(
      (result) => ack({ ok: true, data: { ...result, mediaNodeUrl: options.nodeUrl() } }),
      (error: unknown) => ack({ ok: false, error: toAppError(error).toBody() }),
    );
  });
  const timer = setInterval(publishSnapshot, SNAPSHOT_EVERY_MS);
  timer.unref();
  io.serverSideEmit('queueRequest', options.nodeId);
  log.info({ nodeId: options.nodeId }, 'joined the cluster');

  return {
    nodeId: options.nodeId,
    queue: merged,
    publishLocalQueue(entries) {
      local = entries;
      publishSnapshot();
      emitToLocalStaff();
    },
    async acceptElsewhere(principal, sessionId) {
      let responses: Ack<AcceptCallResult>[];
      try {
        // The adapter's requestsTimeout bounds the wait for the other nodes' answers.
        responses = (await io.serverSideEmitWithAck('acceptRemote', { principal, sessionId })) as Ack<AcceptCallResult>[];
      } catch (error) {
        throw new AppError(ErrorCode.Timeout, 'the server holding this resident did not answer; try again', undefined, { cause: error });
      }
      const won = responses.find((r) => r.ok);
      if (won?.ok) return won.data;
      const refusal = responses.find((r) => !r.ok && r.error.code !== ErrorCode.NotFound);
      if (refusal && !refusal.ok) throw new AppError(refusal.error.code, refusal.error.message);
      throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left');
    },
    ready: () => pub.status === 'ready' && sub.status === 'ready',
    async close() {
      clearInterval(timer);
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
