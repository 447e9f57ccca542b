import type { MediaRoomApi, SfuApi } from '@madoguchi/sfu';
import type { EndReason, QueueEntry } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { DtlsParametersJson, IceParametersJson, IceProtocol, PeerRole, RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import type { JoinRoomResult, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ProducePayload } from '@madoguchi/contract/signalling-schemas';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { AdoptedCall, ClosedOrphan, ServerNodeRepository, StrandedCall } from '../db/repositories/server-node-repository';
import type { GuestLinkRepository } from '../db/repositories/guest-link-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import type { ConsultationEventRepository } from '../db/repositories/consultation-event-repository';
import type { Language } from '@madoguchi/contract/languages';
import type { SessionEventType } from '@madoguchi/contract/consultation';
import type { AcceptCallResult, CheckInResult, MediaFailure, ResumableCall, TransferResult } from '@madoguchi/contract/signalling-events';
import type { AppointmentService } from './appointment-service';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import { Consultation, WALK_IN, type ConsultationIntake, type Participant } from './consultation';
import type { ConsultationNotifier } from './consultation-notifier';
import { KeyedMutex } from './keyed-mutex';
import { rolesWithoutMedia } from './media-failure';
import { peerIdOf, peerRoleOf } from './peer-identity';
import type { GuestKind } from '@madoguchi/contract/guests';
import type { KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import { publicResidentName } from './resident-name';
import type { StaffPresence } from './wait-outlook';
import { ConsultationTimeline } from './consultation/consultation-timeline';
import { QueueForecasts } from './consultation/queue-forecasts';
import { mayServe } from './queue-scope';
import { isKioskPeer, kioskPeer, staffPeer } from './room-names';
import { WriteRetryQueue } from './write-retry-queue';

const log = createLogger('consultation-service');

/** Ended calls remembered for the after-call writes (outcome, survey) that may arrive during a database outage. */
const RECENTLY_ENDED_KEPT = 1_000;

/** A call taken over late in its failover grace still waits this long for the other side to follow. */
const ADOPTED_FOLLOW_MS = 5_000;

/** How long after a call the console still offers its outcome form on its own. */
const UNRECORDED_WINDOW_SECONDS = 30 * 60;

export interface ConsultationServiceOptions {
  sessions: ConsultationRepository;
  kiosks: KioskRepository;
  departments: DepartmentRepository;
  events: ConsultationEventRepository;
  appointments: AppointmentService;
  sfu: SfuApi;
  notifier: ConsultationNotifier;
  reconnectGraceMs: number;
  now?: () => Date;
  /** Told when a participant joins a consultation again after losing their connection. */
  onRejoin?: () => void;
  /** Record writes that wait out a database restart instead of being lost. */
  writes?: WriteRetryQueue;
  guestLinks?: GuestLinkRepository;
  /** This node's name, written on the consultations it holds. */
  nodeId: string;
  /** Node leases: what a previous run or a stopped node left open is closed from them. */
  nodes: ServerNodeRepository;
  /** How long a node may stay silent before its calls are taken as lost. */
  leaseMs: number;
  /** After that, how long another node may still take over its answered calls (0: never). */
  failoverMs?: number;
  /** How much of a booked name the kiosk may show (town setting); the family name without it. */
  kioskDisplay?: () => Promise<KioskDisplaySettings>;
  /** Members with a console open, for the waiting residents' forecasts; none known without it. */
  staffPresence?: () => Promise<StaffPresence[]>;
  /** Staff in a call on any node, given those in a call on this one (cluster/busy-staff.ts); this node's alone without it. */
  busyStaff?: (onThisNode: ReadonlySet<string>) => Promise<ReadonlySet<string>>;
  /** Someone came, left, answered or hung up here: the other nodes' waiting residents must hear it too. */
  onForecastInputsChanged?: () => void;
  /** Told when a call gets its media room (answered, or rebuilt) and when it ends: the captions follow the call. */
  observer?: ConsultationObserver;
}

/** Features that live beside a call (captions) hook in here instead of into this class. */
export interface ConsultationObserver {
  roomOpened(consultation: Consultation, room: MediaRoomApi): void;
  ended(sessionId: string): void;
}


/**
 * Owns every consultation's lifecycle: the in-memory state machine, the session record in
 * Postgres and the media room. All operations on one consultation run in order.
 */
export class ConsultationService {
  private readonly live = new Map<string, Consultation>();
  private readonly mutex = new KeyedMutex();
  private readonly now: () => Date;
  readonly writes: WriteRetryQueue;
  private stopping = false;
  private draining = false;
  private readonly idleWaiters = new Set<() => void>();
  private readonly ending = new Set<Promise<void>>();
  /** Stranded calls (their node stopped) whose people were told so; each is told once. */
  private readonly strandedTold = new Set<string>();
  /** Who took part in the calls that ended lately: the after-call writes check it without the database. */
  private readonly recentlyEnded = new Map<string, { kioskId: string; staffId: string | null }>();

  private readonly timeline: ConsultationTimeline;
  private readonly forecasts: QueueForecasts;

  constructor(private readonly options: ConsultationServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.writes = options.writes ?? new WriteRetryQueue();
    this.timeline = new ConsultationTimeline(options.events, this.writes, this.now);
    this.forecasts = new QueueForecasts({ sessions: options.sessions, notifier: options.notifier, staffPresence: options.staffPresence });
    options.sfu.onRoomsFailed((roomIds) => {
      for (const id of roomIds) void this.recoverRoom(id);
    });
  }

  /**
   * Sessions this node's previous run left open cannot be resumed: they end at that run's last
   * lease beat (when their media stopped), as `server_restart`. Other nodes' calls are not touched.
   */
  async recoverAfterRestart(): Promise<number> {
    const closed = await this.options.nodes.closeOwnOrphans(this.options.nodeId, 'server_restart', this.now());
    if (closed.length > 0) log.info({ count: closed.length }, 'closed sessions left open by the previous run');
    await this.options.appointments.reconcileAfterRestart();
    return closed.length;
  }

  /**
   * Calls whose node is gone were closed in the database (by a lease sweep or a hang-up): tell
   * the kiosk and the specialist wherever they are connected, and let booked appointments follow.
   */
  announceClosed(closed: ClosedOrphan[]): void {
    for (const orphan of closed) {
      const peers = [kioskPeer(orphan.kioskId), ...(orphan.staffId ? [staffPeer(orphan.staffId)] : [])];
      this.options.notifier.callEnded(orphan.id, peers, orphan.reason);
      log.warn({ sessionId: orphan.id, reason: orphan.reason }, 'consultation of a stopped node closed');
    }
    if (closed.some((orphan) => orphan.appointmentId)) {
      void this.options.appointments.reconcileAfterRestart().catch((error: unknown) => log.error({ err: error }, 'could not reconcile appointments'));
    }
  }

  /**
   * The node holding these answered calls stopped and nobody has taken them over yet: tell the
   * kiosk and the specialist at once, wherever they are connected, how long the call may still
   * move (docs/reliability.md). Each call is told once; `calls` is the whole current list.
   */
  announceStranded(calls: StrandedCall[]): void {
    const current = new Set(calls.map((call) => call.id));
    for (const id of this.strandedTold) if (!current.has(id)) this.strandedTold.delete(id);
    for (const call of calls) {
      if (this.strandedTold.has(call.id) || this.live.has(call.id)) continue;
      this.strandedTold.add(call.id);
      log.warn({ sessionId: call.id, secondsLeft: Math.round(call.secondsLeft) }, 'the node holding a call stopped; telling its people');
      this.options.notifier.toPeers([staffPeer(call.staffId), kioskPeer(call.kioskId)], 'holderLost', {
        sessionId: call.id,
        secondsLeft: Math.round(call.secondsLeft * 10) / 10,
      });
    }
  }

  /**
   * A participant ends a call that no node holds any more (its node stopped and the sweep has
   * not closed it yet). Refused unless the node's lease has run out and the caller took part.
   */
  async endOrphan(principal: SocketPrincipal, sessionId: string): Promise<void> {
    // Sent in the seconds between the holder's death and the end of its lease, it waits for
    // the lease, so the record says node_lost at the last beat rather than "not found".
    const deadline = Date.now() + this.options.leaseMs + 1_000;
    for (;;) {
      const closed = await this.options.nodes.closeOrphan(sessionId, principal.id, this.options.leaseMs);
      if (closed) return this.announceClosed([closed]);
      if (Date.now() > deadline || !(await this.options.nodes.isOpen(sessionId))) throw AppError.notFound('consultation');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * The kiosk (or the desk) of an answered call whose node is gone reached this node: it takes
   * the call over (same consultation, a `node_failover` event) instead of letting the sweep end
   * it, rebuilds its media room here and tells the desk to join again. Sent in the seconds
   * before the lost node's lease runs out, it waits for the lease. Null when there is nothing
   * to take over (the call ended, or its node is alive and holds it).
   */
  async adoptOrphan(principal: SocketPrincipal, sessionId: string): Promise<ResumableCall | null> {
    const failoverMs = this.options.failoverMs ?? 0;
    if (this.draining || this.stopping || failoverMs <= 0) return null;
    const deadline = Date.now() + this.options.leaseMs + 1_000;
    for (;;) {
      const adopted = await this.options.nodes.adoptOrphan(sessionId, principal.id, this.options.nodeId, this.options.leaseMs, failoverMs);
      if (adopted) return this.mutex.run(sessionId, () => this.holdAdopted(adopted, principal));
      if (this.live.has(sessionId)) return this.liveCallOf(principal);
      if (Date.now() > deadline || !(await this.options.nodes.isOpen(sessionId))) return null;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async holdAdopted(adopted: AdoptedCall, principal: SocketPrincipal): Promise<ResumableCall | null> {
    const intake: ConsultationIntake = {
      departmentId: adopted.departmentId,
      departmentName: adopted.departmentName,
      appointmentId: adopted.appointmentId,
      residentName: adopted.residentName,
      language: adopted.language as Language,
      needs: adopted.needs as ConsultationIntake['needs'],
    };
    const consultation = new Consultation(adopted.id, adopted.kiosk, adopted.queuedAt, intake);
    consultation.staff = adopted.staff;
    consultation.setState('active');
    this.live.set(adopted.id, consultation);
    try {
      this.watchRoom(consultation, await this.options.sfu.createRoom(adopted.id));
    } catch (error) {
      log.error({ err: error, sessionId: adopted.id }, 'could not build the media room of a call taken over');
      await this.end(adopted.id, 'node_lost');
      return null;
    }
    log.warn({ sessionId: adopted.id, fromNode: adopted.fromNodeId }, 'took over a call of a lost node');
    // If one of the two is not back by the end of the failover grace (what both were told, in
    // holderLost), they never spoke again after the node stopped: the call ends node_lost at its
    // last beat, as if nobody had taken it over. A desk told callMoved late still gets 5 s.
    const graceLeftMs = adopted.lastBeatAt.getTime() + this.options.leaseMs + (this.options.failoverMs ?? 0) - Date.now();
    for (const peerId of consultation.peerIds()) {
      this.startGraceTimer(consultation, peerId, 'node_lost', { endedAt: adopted.lastBeatAt, delayMs: Math.max(graceLeftMs, ADOPTED_FOLLOW_MS) });
    }
    // The desk's socket to the lost node is gone; its other sockets hear where to go back.
    this.options.notifier.toPeers([staffPeer(adopted.staff.id)], 'callMoved', { sessionId: adopted.id });
    this.options.onForecastInputsChanged?.();
    return this.liveCallOf(principal);
  }

  /**
   * The caller's answered call whose node stopped, when the caller no longer knows its id (a
   * console whose own node died, reloaded on another node): taken over like adoptOrphan().
   */
  async adoptStrandedOf(principal: SocketPrincipal): Promise<ResumableCall | null> {
    if (principal.role === 'guest' || (this.options.failoverMs ?? 0) <= 0) return null;
    const sessionId = await this.options.nodes.strandedCallOf(principal.id, this.options.leaseMs);
    return sessionId ? this.adoptOrphan(principal, sessionId) : null;
  }

  /** How a consultation the caller took part in ended, as recorded (null while it goes on). */
  async recordedEnd(principal: SocketPrincipal, sessionId: string): Promise<{ sessionId: string; reason: EndReason; answered: boolean } | null> {
    const end = await this.options.sessions.endOf(sessionId, principal.id);
    return end ? { sessionId, ...end } : null;
  }

  /** Staff back at the console: the call that ended while they were away and still needs its outcome. */
  async unrecordedCallOf(principal: SocketPrincipal): Promise<{ sessionId: string; reason: EndReason; kioskName: string } | null> {
    const row = await this.options.sessions.latestUnrecorded(principal.id, this.now(), UNRECORDED_WINDOW_SECONDS);
    return row ? { sessionId: row.id, reason: row.reason, kioskName: row.kioskName } : null;
  }

  /** The caller's consultation on this node that a reloaded app can go back to. */
  liveCallOf(principal: SocketPrincipal): ResumableCall | null {
    const peerId = peerIdOf(principal);
    for (const c of this.live.values()) {
      if (c.state === 'ended' || !c.isParticipant(peerId) || principal.role === 'guest') continue;
      const isKiosk = principal.role === 'kiosk';
      // A waiting kiosk that came back keeps its place: its grace period stops here.
      if (isKiosk && c.state === 'queued') {
        clearTimeout(c.graceTimers.get(peerId));
        c.graceTimers.delete(peerId);
      }
      const position = this.queue().findIndex((e) => e.sessionId === c.id) + 1;
      return {
        sessionId: c.id,
        state: c.state,
        peerName: isKiosk ? (c.staff?.displayName ?? null) : c.kiosk.name,
        peerLocation: isKiosk ? null : c.kiosk.location,
        queuePosition: position > 0 ? position : null,
        mediaNodeUrl: null,
      };
    }
    return null;
  }

  /** Whether this node holds the consultation (its media and its state). */
  has(sessionId: string): boolean {
    return this.live.has(sessionId);
  }

  liveCounts(): { queued: number; active: number } {
    let queued = 0;
    let active = 0;
    for (const c of this.live.values()) {
      if (c.state === 'queued') queued += 1;
      else if (c.state === 'active') active += 1;
    }
    return { queued, active };
  }

  queue(): QueueEntry[] {
    return [...this.live.values()]
      .filter((c) => c.state === 'queued')
      .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime())
      .map((c) => c.toQueueEntry());
  }

  /** A walk-in resident asks for a specialist of one department (or the general counter). */
  async callStaff(
    kioskId: string,
    request: { departmentId?: string | undefined; language?: Language | undefined } = {},
  ): Promise<{ sessionId: string; queuePosition: number }> {
    let intake: ConsultationIntake = { ...WALK_IN, language: request.language ?? 'ja' };
    if (request.departmentId) {
      const department = await this.options.departments.findById(request.departmentId);
      if (!department?.active) throw AppError.badRequest('no such department');
      intake = { ...intake, departmentId: department.id, departmentName: department.name };
    }
    return this.enqueue(kioskId, intake);
  }

  /** A booked resident checks in with their code; their appointment becomes a queued consultation. */
  async checkIn(kioskId: string, code: string, language: Language | undefined): Promise<CheckInResult> {
    if (this.findOpenForKiosk(kioskId)) throw AppError.invalidState('this kiosk already has a resident waiting or in a call');
    const appointment = await this.options.appointments.checkIn(kioskId, code);
    try {
      const queued = await this.enqueue(kioskId, {
        departmentId: appointment.departmentId,
        departmentName: appointment.departmentName,
        appointmentId: appointment.id,
        residentName: appointment.residentName,
        language: language ?? appointment.preferredLanguage,
        needs: appointment.needs,
      });
      return {
        ...queued,
        appointment: {
          id: appointment.id,
          departmentName: appointment.departmentName,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          residentName: publicResidentName(appointment.residentName, await this.nameDisplay()),
        },
      };
    } catch (error) {
      await this.options.appointments.sessionEnded(appointment.id, false).catch((undo: unknown) => log.error({ err: undo }, 'could not undo a check-in'));
      throw error;
    }
  }

  /**
   * Staff hand the resident to another department: this consultation ends as `transferred` and
   * a new one is queued for the same kiosk, which stays connected and goes back to waiting.
   */
  async transfer(principal: SocketPrincipal, sessionId: string, departmentId: string): Promise<TransferResult> {
    const consultation = this.requireActiveParticipant(principal, sessionId);
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff can transfer a call');
    const department = await this.options.departments.findById(departmentId);
    if (!department?.active) throw AppError.badRequest('no such department');
    await this.end(sessionId, 'transferred', { kioskStaysQueued: true });
    const queued = await this.enqueue(consultation.kiosk.id, {
      ...consultation.intake,
      departmentId: department.id,
      departmentName: department.name,
      transferredFrom: sessionId,
    });
    this.recordEvent(sessionId, 'transferred', 'staff', { newSessionId: queued.sessionId, departmentId: department.id });
    const result: TransferResult = {
      sessionId,
      newSessionId: queued.sessionId,
      departmentName: department.name,
      queuePosition: queued.queuePosition,
    };
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'transferred', result);
    return result;
  }

  /**
   * Staff in the call bring in a third party: a single-use link valid for this call only.
   * The guest never sees the queue or any record; leaving spends the link.
   */
  async inviteGuest(principal: SocketPrincipal, sessionId: string, label: string, ttlSeconds: number, kind: GuestKind = 'other'): Promise<{ linkId: string; expiresAt: Date }> {
    if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff invite guests');
    const consultation = this.requireActiveParticipant(principal, sessionId);
    const links = this.options.guestLinks;
    if (!links) throw AppError.invalidState('guest links are not available');
    const expiresAt = new Date(this.now().getTime() + ttlSeconds * 1000);
    const linkId = await links.create({ sessionId, createdBy: principal.id, label, kind, expiresAt });
    consultation.guests.add(linkId);
    this.recordEvent(sessionId, 'guest_invited', 'staff', { linkId, kind });
    return { linkId, expiresAt };
  }

  /** Whether a guest link still opens its call on this node (checked when the guest's socket connects). */
  async admitGuest(linkId: string, sessionId: string): Promise<{ label: string; kind: GuestKind }> {
    const link = await this.options.guestLinks?.find(linkId);
    const consultation = this.live.get(sessionId);
    if (!link || link.sessionId !== sessionId || link.leftAt || link.expiresAt <= this.now()) {
      throw AppError.unauthenticated('this guest link has expired or was already used');
    }
    if (!consultation || consultation.state !== 'active' || !consultation.guests.has(linkId)) {
      throw AppError.unauthenticated('the call this link was made for is over');
    }
    await this.options.guestLinks?.markJoined(linkId, this.now());
    return { label: link.label, kind: link.kind };
  }

  /** The consultation, if this principal takes part in it and it is in progress. */
  requireActiveParticipant(principal: SocketPrincipal, sessionId: string): Consultation {
    const consultation = this.participantOf(principal, sessionId);
    if (consultation.state !== 'active') throw AppError.invalidState('the call is not in progress');
    return consultation;
  }

  /**
   * The satisfaction survey: once, by the kiosk that had the call, soon after it ended. While
   * the database is away it waits in the write queue, behind the end of the call.
   */
  async submitSurvey(kioskId: string, sessionId: string, rating: number | null): Promise<void> {
    if (rating === null) return;
    const at = this.now();
    const stored = await this.writes.submitForResult(`survey ${sessionId}`, () => this.options.sessions.recordSatisfaction(sessionId, kioskId, rating, at));
    if (!stored.queued && !stored.result) throw AppError.invalidState('this consultation cannot take a rating now');
  }

  /** Who took part in a call that ended on this node lately (null: not known here). */
  endedLately(sessionId: string): { kioskId: string; staffId: string | null } | null {
    return this.recentlyEnded.get(sessionId) ?? null;
  }

  /**
   * Graceful shutdown, first half: take no new residents, let the waiting and talking ones
   * finish. Resolves when none are left or after `limitMs`, whichever comes first.
   */
  async drain(limitMs: number): Promise<{ remaining: number }> {
    this.draining = true;
    if (this.live.size > 0) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.idleWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, limitMs);
        timer.unref();
        this.idleWaiters.add(done);
      });
    }
    return { remaining: this.live.size };
  }

  get isDraining(): boolean {
    return this.draining;
  }

  private async enqueue(kioskId: string, intake: ConsultationIntake): Promise<{ sessionId: string; queuePosition: number }> {
    return this.mutex.run(kioskPeer(kioskId), async () => {
      const existing = this.findOpenForKiosk(kioskId);
      if (!existing && this.draining) {
        throw new AppError(ErrorCode.Unavailable, 'this server is restarting; please try again in a moment');
      }
      if (existing?.state === 'active') throw AppError.invalidState('this kiosk is already in a call');
      if (existing && intake.appointmentId && existing.intake.appointmentId !== intake.appointmentId) {
        throw AppError.invalidState('this kiosk already has a resident waiting');
      }
      // A kiosk that reconnected while waiting keeps its place in the queue.
      if (existing) {
        clearTimeout(existing.graceTimers.get(kioskPeer(kioskId)));
        existing.graceTimers.delete(kioskPeer(kioskId));
      }
      if (!existing) {
        const kiosk = await this.options.kiosks.findById(kioskId);
        if (!kiosk || !kiosk.active) throw AppError.forbidden('kiosk is not registered');
        const row = await this.options.sessions.createQueued(kioskId, this.now(), { ...intake, nodeId: this.options.nodeId });
        this.live.set(row.id, new Consultation(row.id, kiosk, row.queuedAt, intake));
        this.recordEvent(row.id, 'queued', 'kiosk', { kind: intake.appointmentId ? 'booked' : 'walk_in', ...(intake.transferredFrom ? { transferredFrom: intake.transferredFrom } : {}) });
        log.info({ sessionId: row.id, kioskId }, 'resident queued');
        this.publishQueue();
      }
      const queue = this.queue();
      const sessionId = existing?.id ?? queue.find((e) => e.kioskId === kioskId)?.sessionId;
      if (!sessionId) throw AppError.invalidState('queue entry vanished');
      return { sessionId, queuePosition: queue.findIndex((e) => e.sessionId === sessionId) + 1 };
    });
  }

  async cancel(principal: SocketPrincipal, sessionId: string): Promise<void> {
    const consultation = this.get(sessionId);
    if (principal.role !== 'kiosk' || consultation.kiosk.id !== principal.id) throw AppError.forbidden();
    if (consultation.state !== 'queued') throw AppError.invalidState('the call has already been answered');
    await this.end(sessionId, 'resident_left');
  }

  async accept(principal: SocketPrincipal, sessionId: string): Promise<AcceptCallResult> {
    return this.mutex.run(sessionId, async () => {
      const consultation = this.live.get(sessionId);
      if (!consultation || consultation.state !== 'queued') {
        throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left');
      }
      // Knowing a session id is not enough: only a member of the department the resident waits for.
      if (!mayServe(principal, consultation.intake.departmentId)) throw AppError.forbidden('this resident is waiting for another department');
      const answered = await this.options.sessions.markAnswered(sessionId, principal.id, this.now());
      if (!answered) throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident');
      consultation.staff = { id: principal.id, displayName: principal.displayName };
      consultation.setState('active');
      this.recordEvent(sessionId, 'answered', 'staff', { staffId: principal.id });
      const appointmentId = consultation.intake.appointmentId;
      // A transferred booking is already in session since its first answer.
      if (appointmentId && !consultation.intake.transferredFrom) {
        await this.options.appointments
          .startSession(appointmentId, principal.id)
          .catch((error: unknown) => log.error({ err: error, sessionId }, 'could not mark the appointment in session'));
      }
      const room = await this.options.sfu.createRoom(sessionId);
      this.watchRoom(consultation, room);
      this.options.notifier.callAccepted(consultation.kiosk.id, { sessionId, staffName: principal.displayName });
      this.publishQueue();
      return { sessionId, kioskName: consultation.kiosk.name, kioskLocation: consultation.kiosk.location, mediaNodeUrl: null };
    });
  }

  async join(
    principal: SocketPrincipal,
    socketId: string,
    { sessionId, rtpCapabilities, iceProtocol = 'any' }: { sessionId: string; rtpCapabilities: RtpCapabilitiesJson; iceProtocol?: IceProtocol | undefined },
  ): Promise<JoinRoomResult & { afterAck: () => Promise<void> }> {
    return this.mutex.run(sessionId, async () => {
      const consultation = this.participantOf(principal, sessionId);
      if (consultation.state !== 'active') throw AppError.invalidState('the call has not been answered yet');
      const room = this.room(sessionId);
      const peerId = peerIdOf(principal);
      const participant: Participant = {
        role: peerRoleOf(principal),
        peerId,
        displayName: principal.displayName,
        socketId,
        ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
      };
      const rejoin = consultation.participants.has(peerId);
      clearTimeout(consultation.graceTimers.get(peerId));
      consultation.graceTimers.delete(peerId);
      room.addPeer({ peerId, role: participant.role, rtpCapabilities });
      consultation.participants.set(peerId, participant);
      this.options.notifier.addToConsultation(socketId, sessionId);
      const sendTransport = await room.createTransport(peerId, 'send', iceProtocol);
      const recvTransport = await room.createTransport(peerId, 'recv', iceProtocol);
      log.info({ sessionId, role: participant.role, rejoin, iceProtocol }, 'participant joined');
      if (iceProtocol === 'tcp') {
        // A failure reported meanwhile (the other side gave up first) is not undone by a late retry.
        consultation.mediaFlag ??= 'tcp_fallback';
        this.recordEvent(sessionId, 'media_tcp_fallback', participant.role);
      }
      this.recordEvent(sessionId, rejoin ? 'reconnected' : 'joined', participant.role);
      if (rejoin) this.options.onRejoin?.();
      this.options.notifier.peerJoined(
        sessionId,
        participant.guestKind ? { role: participant.role, displayName: participant.displayName, guestKind: participant.guestKind } : { role: participant.role, displayName: participant.displayName },
      );
      const peers = consultation.peers().filter((p) => p.role !== participant.role);
      // Existing media is offered only after the join ack, when the client has its transports.
      const afterAck = async (): Promise<void> => {
        for (const producer of room.producersFor(peerId)) {
          await this.offerConsumer(consultation, room, participant, producer.producerId);
        }
      };
      return { sendTransport, recvTransport, peers, afterAck };
    });
  }

  async connectTransport(principal: SocketPrincipal, sessionId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void> {
    this.participantOf(principal, sessionId);
    await this.room(sessionId).connectTransport(peerIdOf(principal), transportId, dtlsParameters);
  }

  async restartIce(principal: SocketPrincipal, sessionId: string, transportId: string): Promise<IceParametersJson> {
    this.participantOf(principal, sessionId);
    return this.room(sessionId).restartIce(peerIdOf(principal), transportId);
  }

  async produce(principal: SocketPrincipal, payload: ProducePayload): Promise<{ producerId: string }> {
    const { sessionId } = payload;
    const consultation = this.participantOf(principal, sessionId);
    const room = this.room(sessionId);
    const peerId = peerIdOf(principal);
    const producer = await this.mutex.run(sessionId, () =>
      room.produce({ peerId, transportId: payload.transportId, kind: payload.kind, source: payload.source, rtpParameters: payload.rtpParameters }),
    );
    // The producer id lets the timeline name what a later producer_stopped stopped.
    this.recordEvent(sessionId, 'producer_started', peerRoleOf(principal), { producerId: producer.producerId, source: payload.source, kind: payload.kind });
    // Offered after this ack returns, so the producer exists on both ends first.
    setImmediate(() => {
      for (const other of consultation.participants.values()) {
        if (other.peerId === peerId) continue;
        void this.offerConsumer(consultation, room, other, producer.producerId);
      }
    });
    return { producerId: producer.producerId };
  }

  async closeProducer(principal: SocketPrincipal, sessionId: string, producerId: string): Promise<void> {
    this.participantOf(principal, sessionId);
    this.room(sessionId).closeProducer(peerIdOf(principal), producerId);
    this.recordEvent(sessionId, 'producer_stopped', peerRoleOf(principal), { producerId });
  }

  async hangUp(principal: SocketPrincipal, sessionId: string, reason?: 'resident_absent'): Promise<void> {
    const consultation = this.participantOf(principal, sessionId);
    if (reason === 'resident_absent') {
      // Only the specialist can tell that nobody is at the kiosk, and only after answering.
      if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff report an empty kiosk');
      if (consultation.state !== 'active') throw AppError.invalidState('the call has not been answered');
      await this.end(sessionId, 'resident_absent');
      return;
    }
    // A guest leaving ends their part only; their link is spent.
    if (principal.role === 'guest') {
      await this.mutex.run(sessionId, async () => {
        consultation.guests.delete(principal.id);
        consultation.participants.delete(peerIdOf(principal));
        this.options.sfu.getRoom(sessionId)?.removePeer(peerIdOf(principal));
        this.options.notifier.peerLeft(sessionId, 'guest');
        this.recordEvent(sessionId, 'left', 'guest');
      });
      await this.options.guestLinks?.markLeft(principal.id, this.now());
      // The link is spent: its socket goes too, so nothing more reaches that browser.
      this.options.notifier.closePeer(peerIdOf(principal));
      return;
    }
    // Who hung up is the fact the record keeps: the resident leaving, or the specialist ending it.
    await this.end(sessionId, principal.role === 'kiosk' ? 'resident_left' : 'staff_ended');
  }

  /**
   * A participant got no media through, over UDP and then over TCP. The server checks the
   * transports itself: the call ends as media_failed naming whoever has none, unless by now
   * everyone's media does flow (then nothing ends and the answer names no one).
   */
  async reportMediaFailure(principal: SocketPrincipal, sessionId: string): Promise<MediaFailure> {
    const consultation = this.requireActiveParticipant(principal, sessionId);
    const failedRoles = rolesWithoutMedia(consultation, this.room(sessionId));
    if (failedRoles.length === 0) return { failedRoles };
    log.warn({ sessionId, failedRoles, reporter: peerRoleOf(principal) }, 'no media flowed; ending the call');
    consultation.mediaFlag = 'media_failed';
    this.recordEvent(sessionId, 'media_failed', peerRoleOf(principal), { failedRoles });
    await this.end(sessionId, 'media_failed', { failedRoles });
    return { failedRoles };
  }

  /** A socket went away: give its owner a grace period to come back before ending the call. */
  handleDisconnect(principal: SocketPrincipal, socketId: string): void {
    if (this.stopping) return;
    const peerId = peerIdOf(principal);
    for (const consultation of this.live.values()) {
      if (!consultation.isParticipant(peerId)) continue;
      const participant = consultation.participants.get(peerId);
      // Another socket of the same participant has already taken over.
      if (participant && participant.socketId !== socketId) continue;
      const waitingKiosk = consultation.state === 'queued';
      if (participant) {
        participant.socketId = null;
        this.options.notifier.peerLeft(consultation.id, participant.role);
        this.recordEvent(consultation.id, 'left', participant.role);
      }
      this.startGraceTimer(consultation, peerId, waitingKiosk ? 'resident_left' : 'network_lost');
    }
  }

  /**
   * Staff accepted through another node and must now connect here for the call. If they
   * never arrive (their browser cannot reach this node), the call ends as if their
   * connection was lost, instead of leaving the resident facing an empty screen.
   */
  expectRemoteJoin(principal: SocketPrincipal, sessionId: string): void {
    const consultation = this.live.get(sessionId);
    const peerId = peerIdOf(principal);
    if (!consultation || consultation.participants.has(peerId)) return;
    this.startGraceTimer(consultation, peerId, 'network_lost');
  }

  private startGraceTimer(consultation: Consultation, peerId: string, reason: EndReason, lost: { endedAt: Date; delayMs: number } | null = null): void {
    clearTimeout(consultation.graceTimers.get(peerId));
    const timer = setTimeout(() => {
      consultation.graceTimers.delete(peerId);
      void this.end(consultation.id, reason, lost ? { endedAt: lost.endedAt } : {}).catch((error: unknown) => log.error({ err: error }, 'ending after disconnect'));
    }, lost?.delayMs ?? this.options.reconnectGraceMs);
    timer.unref();
    consultation.graceTimers.set(peerId, timer);
  }

  /** Ends a consultation once: media, then the record, then notifications. Later calls do nothing. */
  async end(sessionId: string, reason: EndReason, options: { kioskStaysQueued?: boolean; failedRoles?: PeerRole[]; endedAt?: Date } = {}): Promise<void> {
    const ending = this.mutex.run(sessionId, async () => {
      const consultation = this.live.get(sessionId);
      if (!consultation || consultation.state === 'ended') return;
      consultation.setState('ended');
      consultation.endReason = reason;
      if (reason === 'media_failed') consultation.mediaFlag = 'media_failed';
      this.recentlyEnded.set(sessionId, { kioskId: consultation.kiosk.id, staffId: consultation.staff?.id ?? null });
      if (this.recentlyEnded.size > RECENTLY_ENDED_KEPT) this.recentlyEnded.delete(this.recentlyEnded.keys().next().value ?? '');
      consultation.clearGraceTimers();
      this.live.delete(sessionId);
      this.options.observer?.ended(sessionId);
      this.options.sfu.getRoom(sessionId)?.close();
      const endedAt = options.endedAt ?? this.now();
      try {
        // The call is over for the people in it whatever the database says: if it is away,
        // the write waits and lands when it is back (or, if the process dies first, the record
        // is closed as server_restart at the next start, or node_lost by another node).
        await this.writes.submit(`end ${sessionId}`, () => this.options.sessions.markEnded(sessionId, reason, endedAt, consultation.mediaFlag));
      } catch (error) {
        log.error({ err: error, sessionId }, 'could not record the end of a consultation');
      }
      const appointmentId = consultation.intake.appointmentId;
      // A transfer goes on with the same booking in the next consultation.
      if (appointmentId && reason !== 'transferred') {
        const answered = consultation.staff !== null;
        await this.writes
          .submit(`appointment ${appointmentId}`, () => this.options.appointments.sessionEnded(appointmentId, answered))
          .catch((error: unknown) => log.error({ err: error, sessionId }, 'could not close the appointment'));
      }
      const peerIds = consultation.peerIds().filter((peerId) => !(options.kioskStaysQueued && isKioskPeer(peerId)));
      this.options.notifier.callEnded(sessionId, peerIds, reason, options.failedRoles);
      this.publishQueue();
      log.info({ sessionId, reason }, 'consultation ended');
      // A drain waits for the last record to be written, not just for the call to stop.
      if (this.live.size === 0) for (const wake of [...this.idleWaiters]) wake();
    });
    this.ending.add(ending);
    try {
      await ending;
    } finally {
      this.ending.delete(ending);
    }
  }

  /**
   * This node can no longer vouch for its calls (cut off from the database while another node
   * may have recorded them node_lost at `endedAt`): each ends here the same way, so the people
   * in them hear what the record says. The end writes wait for the database and change nothing
   * where the other node wrote first.
   */
  async endAllHeld(reason: EndReason, endedAt: Date): Promise<void> {
    await Promise.all([...this.live.keys()].map((id) => this.end(id, reason, { endedAt })));
  }

  /** On shutdown: ends everything still live and stops reacting to disconnects. */
  async shutdown(reason: EndReason): Promise<void> {
    this.stopping = true;
    for (const consultation of this.live.values()) consultation.clearGraceTimers();
    await Promise.all([...this.live.keys()].map((id) => this.end(id, reason)));
    await Promise.allSettled([...this.ending]);
  }

  private async offerConsumer(consultation: Consultation, room: MediaRoomApi, participant: Participant, producerId: string): Promise<void> {
    const socketId = participant.socketId;
    if (!socketId || room.closed) return;
    try {
      const consumer = await room.consume({ peerId: participant.peerId, producerId });
      if (!consumer) return;
      const accepted = await this.options.notifier.requestConsumer(socketId, { ...consumer, sessionId: consultation.id });
      if (accepted && !room.closed) await room.resumeConsumer(participant.peerId, consumer.consumerId);
    } catch (error) {
      log.warn({ err: error, sessionId: consultation.id }, 'offering a consumer failed');
    }
  }

  private watchRoom(consultation: Consultation, room: MediaRoomApi): void {
    this.options.observer?.roomOpened(consultation, room);
    room.on('consumerClosed', (peerId, consumerId) => {
      const socketId = consultation.participants.get(peerId)?.socketId;
      if (socketId) this.options.notifier.consumerClosed(socketId, { sessionId: consultation.id, consumerId });
    });
  }

  /**
   * A media worker died and took this call's room with it. The pool starts a new worker; the
   * call gets a new room there, and its participants' apps are made to reconnect, which makes
   * them join the call again: same consultation, same record, media back in a few seconds.
   */
  private async recoverRoom(sessionId: string): Promise<void> {
    try {
      await this.mutex.run(sessionId, async () => {
        const consultation = this.live.get(sessionId);
        if (!consultation || consultation.state !== 'active') return;
        const deadline = Date.now() + 10_000;
        let room: MediaRoomApi | null = null;
        while (!room) {
          try {
            room = await this.options.sfu.createRoom(sessionId);
          } catch (error) {
            // The replacement worker may still be starting.
            if (Date.now() > deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        this.watchRoom(consultation, room);
        log.warn({ sessionId }, 'media room rebuilt after a worker failure');
        this.recordEvent(sessionId, 'media_restarted', 'system');
        for (const participant of consultation.participants.values()) {
          if (participant.socketId) this.options.notifier.dropConnection(participant.socketId);
        }
      });
    } catch (error) {
      log.error({ err: error, sessionId }, 'could not rebuild the media room');
      await this.end(sessionId, 'network_lost').catch(() => undefined);
    }
  }

  /** The timeline is evidence, not control: a failed write is logged and the call goes on. */
  recordEvent(sessionId: string, type: SessionEventType, actor: string, details: Record<string, unknown> = {}): void {
    this.timeline.record(sessionId, type, actor, details);
  }

  private async nameDisplay(): Promise<KioskDisplaySettings['residentNameDisplay']> {
    try {
      return (await this.options.kioskDisplay?.())?.residentNameDisplay ?? 'family_name';
    } catch (error) {
      // The safe side: a masked name.
      log.warn({ err: error }, 'could not read the kiosk display setting');
      return 'family_name';
    }
  }

  /** The queue went out to staff; each waiting kiosk hears its place and what to expect. */
  private publishQueue(): void {
    const queue = this.queue();
    this.options.notifier.queueChanged(queue);
    void this.sendForecasts(queue);
    this.options.onForecastInputsChanged?.();
  }

  /** A member came, left or went 離席中/対応可能: the waiting residents' outlook may change. */
  refreshForecasts(): void {
    this.refreshLocalForecasts();
    this.options.onForecastInputsChanged?.();
  }

  /** Another node said its staff or calls changed: only this node's waiting residents are told again. */
  refreshLocalForecasts(): void {
    void this.sendForecasts(this.queue());
  }

  private async sendForecasts(queue: QueueEntry[]): Promise<void> {
    // Skips the cluster-wide lookup (a query) when nobody waits here.
    if (queue.length === 0) return;
    const here = new Set<string>();
    for (const c of this.live.values()) if (c.state === 'active' && c.staff) here.add(c.staff.id);
    const busy = this.options.busyStaff ? await this.options.busyStaff(here) : here;
    await this.forecasts.send(queue, busy);
  }

  private findOpenForKiosk(kioskId: string): Consultation | undefined {
    for (const consultation of this.live.values()) if (consultation.kiosk.id === kioskId) return consultation;
    return undefined;
  }

  private get(sessionId: string): Consultation {
    const consultation = this.live.get(sessionId);
    if (!consultation) throw AppError.notFound('consultation');
    return consultation;
  }

  private participantOf(principal: SocketPrincipal, sessionId: string): Consultation {
    const consultation = this.get(sessionId);
    if (!consultation.isParticipant(peerIdOf(principal))) throw AppError.forbidden('you are not part of this consultation');
    return consultation;
  }

  private room(sessionId: string): MediaRoomApi {
    const room = this.options.sfu.getRoom(sessionId);
    if (!room) throw AppError.invalidState('the call has no media room');
    return room;
  }
}
