/**
 * Fakes for the consultation modules' unit tests, in the manner of mediasoup-client's
 * FakeHandler: an in-memory SFU with rooms that keep what was asked of them, an in-memory
 * record store with the repository's rules (one answer wins, one end), and a notifier that
 * keeps every notification. The real modules run on top, unchanged.
 */
import { afterEach, beforeEach, mock } from 'node:test';
import type { MediaRoomApi, ProducerInfo, SfuApi } from '@madoguchi/sfu';
import type { EndReason, MediaFlag, ConsultationEventType } from '@madoguchi/contract/consultation';
import type { ConsumerOptions, PeerRole, TransportOptions } from '@madoguchi/contract/media-types';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ConsultationNotifier } from '../../../../../server/src/domain/consultation-notifier';
import { ConsultationService, type ConsultationRecords, type ConsultationServiceOptions } from '../../../../../server/src/domain/consultation-service';

export const KIOSK: SocketPrincipal = { role: 'kiosk', id: 'k1', displayName: '中央図書館' };
export const STAFF_A: SocketPrincipal = { role: 'staff', id: 'a', displayName: '佐藤', departmentIds: [] };
export const STAFF_B: SocketPrincipal = { role: 'staff', id: 'b', displayName: '鈴木', departmentIds: [] };
export const RTP_CAPS = { codecs: [], headerExtensions: [] };

/** A settable promise: lets a test hold a repository call open to build a race. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export class FakeRoom implements MediaRoomApi {
  closed = false;
  readonly peers = new Map<string, PeerRole>();
  readonly producerList: ProducerInfo[] = [];
  readonly resumed: string[] = [];
  readonly removed: string[] = [];
  /** Peers whose transports carry media (reportMediaFailure asks). */
  readonly flowing = new Set<string>();
  private transportCount = 0;
  private readonly consumerClosedListeners: ((peerId: string, consumerId: string) => void)[] = [];

  constructor(readonly id: string) {}

  addPeer(options: { peerId: string; role: PeerRole }): void {
    this.peers.set(options.peerId, options.role);
  }

  hasPeer(peerId: string): boolean {
    return this.peers.has(peerId);
  }

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<TransportOptions> {
    this.transportCount += 1;
    return {
      id: `${peerId}/${direction}/${this.transportCount}`,
      direction,
      iceParameters: { usernameFragment: 'u', password: 'p' },
      iceCandidates: [],
      dtlsParameters: { role: 'auto', fingerprints: [] },
    } as unknown as TransportOptions;
  }

  peerMediaPath(peerId: string): { connected: boolean; protocol: 'udp' | null } | null {
    if (!this.peers.has(peerId)) return null;
    return { connected: this.flowing.has(peerId), protocol: this.flowing.has(peerId) ? 'udp' : null };
  }

  async connectTransport(): Promise<void> {}

  async restartIce(): Promise<never> {
    throw new Error('not used by these tests');
  }

  async createPlainTransport(): Promise<never> {
    throw new Error('not used by these tests');
  }

  async connectPlainTransport(): Promise<void> {
    throw new Error('not used by these tests');
  }

  async produce(options: { peerId: string; kind: ProducerInfo['kind']; source: ProducerInfo['source'] }): Promise<ProducerInfo> {
    const producer: ProducerInfo = {
      producerId: `p${this.producerList.length + 1}`,
      peerId: options.peerId,
      peerRole: this.peers.get(options.peerId) ?? 'kiosk',
      kind: options.kind,
      source: options.source,
    };
    this.producerList.push(producer);
    return producer;
  }

  closeProducer(_peerId: string, producerId: string): void {
    const index = this.producerList.findIndex((p) => p.producerId === producerId);
    if (index >= 0) this.producerList.splice(index, 1);
  }

  producersFor(peerId: string): ProducerInfo[] {
    return this.producerList.filter((p) => p.peerId !== peerId);
  }

  async consume(options: { peerId: string; producerId: string }): Promise<ConsumerOptions | null> {
    const producer = this.producerList.find((p) => p.producerId === options.producerId);
    if (!producer) return null;
    return { consumerId: `c-${options.peerId}-${producer.producerId}`, producerId: producer.producerId, kind: producer.kind, source: producer.source, rtpParameters: { codecs: [] } as unknown as ConsumerOptions['rtpParameters'], peerRole: producer.peerRole };
  }

  async resumeConsumer(_peerId: string, consumerId: string): Promise<void> {
    this.resumed.push(consumerId);
  }

  removePeer(peerId: string): void {
    this.peers.delete(peerId);
    this.removed.push(peerId);
  }

  producers(): ProducerInfo[] {
    return [...this.producerList];
  }

  async startAudioTap(): Promise<never> {
    throw new Error('not used by these tests');
  }

  onProducer(): () => void {
    return () => undefined;
  }

  on(_event: 'consumerClosed', listener: (peerId: string, consumerId: string) => void): void {
    this.consumerClosedListeners.push(listener);
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeSfu implements SfuApi {
  readonly routerRtpCapabilities = RTP_CAPS as unknown as SfuApi['routerRtpCapabilities'];
  readonly mediaPath = {} as SfuApi['mediaPath'];
  readonly rooms = new Map<string, FakeRoom>();
  /** Rooms made over the test, the rebuilt ones included. */
  readonly created: FakeRoom[] = [];
  /** Set to make the next createRoom calls fail (a worker that is gone). */
  failCreates = 0;
  private failedListener: ((roomIds: string[]) => void) | null = null;

  async createRoom(roomId: string): Promise<MediaRoomApi> {
    if (this.failCreates > 0) {
      this.failCreates -= 1;
      throw new Error('no media worker');
    }
    const room = new FakeRoom(roomId);
    this.rooms.set(roomId, room);
    this.created.push(room);
    return room;
  }

  getRoom(roomId: string): MediaRoomApi | undefined {
    const room = this.rooms.get(roomId);
    return room && !room.closed ? room : undefined;
  }

  room(roomId: string): FakeRoom {
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`no room ${roomId}`);
    return room;
  }

  onRoomsFailed(listener: (roomIds: string[]) => void): void {
    this.failedListener = listener;
  }

  /** The worker of these rooms died: their rooms are gone and the service is told. */
  killRooms(roomIds: string[]): void {
    for (const id of roomIds) {
      this.rooms.get(id)?.close();
      this.rooms.delete(id);
    }
    this.failedListener?.(roomIds);
  }

  async stats(): Promise<never> {
    throw new Error('not used by these tests');
  }

  async close(): Promise<void> {}
}

interface RecordRow {
  id: string;
  kioskId: string;
  staffId: string | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  reason: EndReason | null;
  mediaFlag: MediaFlag | null;
  transferredFrom: string | null;
}

/** The consultation records with the database's rules: one answer wins, an ended record stays ended. */
export class MemoryRecords implements ConsultationRecords {
  readonly rows = new Map<string, RecordRow>();
  readonly calls: string[] = [];
  /** Held open by a test to make two accepts overlap at the database. */
  answerGate: Promise<void> | null = null;
  private next = 0;

  async createQueued(kioskId: string, queuedAt: Date, intake: { transferredFrom?: string | undefined }): Promise<{ id: string; queuedAt: Date }> {
    this.next += 1;
    const id = `s${this.next}`;
    this.rows.set(id, { id, kioskId, staffId: null, answeredAt: null, endedAt: null, reason: null, mediaFlag: null, transferredFrom: intake.transferredFrom ?? null });
    this.calls.push(`createQueued ${id}`);
    return { id, queuedAt };
  }

  async markAnswered(id: string, staffId: string, answeredAt: Date): Promise<boolean> {
    this.calls.push(`markAnswered ${id} ${staffId}`);
    if (this.answerGate) await this.answerGate;
    const row = this.rows.get(id);
    if (!row || row.answeredAt || row.endedAt) return false;
    row.staffId = staffId;
    row.answeredAt = answeredAt;
    return true;
  }

  async markEnded(id: string, reason: EndReason, endedAt: Date, mediaFlag: MediaFlag | null = null): Promise<boolean> {
    this.calls.push(`markEnded ${id} ${reason}`);
    const row = this.rows.get(id);
    if (!row || row.endedAt) return false;
    row.endedAt = endedAt;
    row.reason = reason;
    row.mediaFlag = mediaFlag;
    return true;
  }

  async recentDurations(): Promise<number[]> {
    return [];
  }

  async endOf(id: string, participantId: string): Promise<{ reason: EndReason; answered: boolean } | null> {
    const row = this.rows.get(id);
    if (!row?.endedAt || !row.reason || (row.kioskId !== participantId && row.staffId !== participantId)) return null;
    return { reason: row.reason, answered: row.answeredAt !== null };
  }

  async latestUnrecorded(): Promise<null> {
    return null;
  }

  async recordSatisfaction(id: string, kioskId: string): Promise<boolean> {
    const row = this.rows.get(id);
    return Boolean(row && row.kioskId === kioskId && row.answeredAt);
  }

  ends(): string[] {
    return this.calls.filter((c) => c.startsWith('markEnded'));
  }
}

export interface Notice {
  kind: keyof ConsultationNotifier;
  args: unknown[];
}

/** Keeps every notification; `requestConsumer` answers as a client that accepts. */
export function recordingNotifier(): { notifier: ConsultationNotifier; notices: Notice[]; of: (kind: keyof ConsultationNotifier) => unknown[][] } {
  const notices: Notice[] = [];
  const keep =
    (kind: keyof ConsultationNotifier) =>
    (...args: unknown[]): void => {
      notices.push({ kind, args });
    };
  const notifier: ConsultationNotifier = {
    queueChanged: keep('queueChanged'),
    callAccepted: keep('callAccepted'),
    peerJoined: keep('peerJoined'),
    peerLeft: keep('peerLeft'),
    callEnded: keep('callEnded'),
    consumerClosed: keep('consumerClosed'),
    requestConsumer: async (...args: unknown[]) => {
      notices.push({ kind: 'requestConsumer', args });
      return true;
    },
    addToConsultation: keep('addToConsultation'),
    dropConnection: keep('dropConnection'),
    closePeer: keep('closePeer'),
    toPeers: keep('toPeers'),
  };
  return { notifier, notices, of: (kind) => notices.filter((n) => n.kind === kind).map((n) => n.args) };
}

export interface World {
  service: ConsultationService;
  sfu: FakeSfu;
  records: MemoryRecords;
  notices: Notice[];
  of: (kind: keyof ConsultationNotifier) => unknown[][];
  events: { consultationId: string; type: ConsultationEventType; actor: string; details: Record<string, unknown> }[];
  appointments: string[];
  rejoins: () => number;
}

export const GRACE_MS = 5_000;

/** A node with one kiosk (k1) and two departments (tax, welfare), everything in memory. */
export function world(overrides: Partial<ConsultationServiceOptions> = {}): World {
  const sfu = new FakeSfu();
  const records = new MemoryRecords();
  const { notifier, notices, of } = recordingNotifier();
  const events: World['events'] = [];
  const appointments: string[] = [];
  let rejoins = 0;
  const kiosks = new Map([
    ['k1', { id: 'k1', name: '中央図書館', location: '1F', address: '', cameraRoles: {}, active: true }],
    ['k2', { id: 'k2', name: '北支所', location: '2F', address: '', cameraRoles: {}, active: true }],
  ]);
  const departments = new Map([
    ['tax', { id: 'tax', code: 'tax', name: '税務課', nameTranslations: {}, icon: 'tax', active: true }],
    ['welfare', { id: 'welfare', code: 'welfare', name: '福祉課', nameTranslations: {}, icon: 'welfare', active: true }],
  ]);
  const options: ConsultationServiceOptions = {
    consultationRecords: records,
    kiosks: { findById: async (id) => (kiosks.get(id) ?? null) as never },
    departments: { findById: async (id) => (departments.get(id) ?? null) as never },
    events: {
      append: async (consultationId, type, actor, details = {}) => {
        events.push({ consultationId, type, actor, details });
      },
    },
    appointments: {
      checkIn: async () => {
        throw new Error('not used by these tests');
      },
      consultationEnded: async (id: string, answered: boolean) => {
        appointments.push(`consultationEnded ${id} ${answered}`);
      },
      startConsultation: async (id: string) => {
        appointments.push(`startConsultation ${id}`);
      },
      reconcileAfterRestart: async () => {
        appointments.push('reconcile');
      },
    },
    sfu,
    notifier,
    reconnectGraceMs: GRACE_MS,
    now: () => new Date(Date.now()),
    onRejoin: () => {
      rejoins += 1;
    },
    nodeId: 'node-a',
    nodes: {
      closeOwnOrphans: async () => [],
      closeOrphan: async () => null,
      adoptOrphan: async () => null,
      isOpen: async () => false,
      strandedCallOf: async () => null,
    },
    leaseMs: 3_000,
    ...overrides,
  };
  return { service: new ConsultationService(options), sfu, records, notices, of, events, appointments, rejoins: () => rejoins };
}

/** Each test of the enclosing suite runs on a fake clock (timers and Date) starting 2026-12-04 10:00 Japan time. */
export function useFakeClock(): void {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.parse('2026-12-04T01:00:00Z') }));
  afterEach(() => mock.timers.reset());
}

/** Lets queued promise callbacks (the mutex, the fake repositories) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

/** A kiosk queues and staff A answers: the active call `s1`, with both joined on sockets kiosk-1 and desk-1. */
export async function activeCall(w: World): Promise<string> {
  const { consultationId } = await w.service.callStaff('k1');
  await w.service.accept(STAFF_A, consultationId);
  await w.service.join(KIOSK, 'kiosk-1', { consultationId, rtpCapabilities: RTP_CAPS as never });
  await w.service.join(STAFF_A, 'desk-1', { consultationId, rtpCapabilities: RTP_CAPS as never });
  return consultationId;
}
