import type { SfuApi } from '@madoguchi/sfu';
import { TRANSFERRED_TO_KEY, type EndReason, type QueueEntry, type ConsultationEventType } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { GuestKind } from '@madoguchi/contract/guests';
import type { Language } from '@madoguchi/contract/languages';
import type { DtlsParametersJson, IceParametersJson, IceProtocol, RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import type { AcceptCallResult, CheckInResult, MediaFailure, ResumableCall, SocketPrincipal, StandbyTransports, TransferResult } from '@madoguchi/contract/signalling-events';
import type { ProducePayload, StandByPayload } from '@madoguchi/contract/signalling-schemas';
import type { KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import type { ConsultationEventRepository } from '../db/repositories/consultation-event-repository';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { GuestLinkRepository } from '../db/repositories/guest-link-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import type { ClosedOrphan, ServerNodeRepository, StrandedCall } from '../db/repositories/server-node-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { AppointmentService } from './appointment-service';
import type { Consultation } from './consultation';
import type { ConsultationNotifier } from './consultation-notifier';
import { AfterCall } from './consultation/after-call';
import { CallEnding, type ConsultationObserver, type EndOptions } from './consultation/call-ending';
import { ConsultationMedia, type JoinAnswer } from './consultation/consultation-media';
import { ConsultationQueue } from './consultation/consultation-queue';
import { ConsultationTimeline } from './consultation/consultation-timeline';
import { GuestAdmission } from './consultation/guest-admission';
import { LiveConsultations } from './consultation/live-registry';
import { NodeFailover } from './consultation/node-failover';
import { ConsultationPresence } from './consultation/presence';
import { mayServe } from './queue-scope';
import { kioskPeer } from './room-names';
import type { StaffPresence } from './wait-outlook';
import { WriteRetryQueue } from './write-retry-queue';

export type { ConsultationObserver } from './consultation/call-ending';

const log = createLogger('consultation-service');

/** What the consultation modules read and write of the records (the unit tests give an in-memory one). */
export type ConsultationRecords = Pick<
  ConsultationRepository,
  'createQueued' | 'markAnswered' | 'markEnded' | 'recentDurations' | 'endOf' | 'latestUnrecorded' | 'recordSatisfaction'
>;

export interface ConsultationServiceOptions {
  consultationRecords: ConsultationRecords;
  kiosks: Pick<KioskRepository, 'findById'>;
  departments: Pick<DepartmentRepository, 'findById'>;
  events: Pick<ConsultationEventRepository, 'append'>;
  appointments: Pick<AppointmentService, 'checkIn' | 'consultationEnded' | 'startConsultation' | 'reconcileAfterRestart'>;
  sfu: SfuApi;
  notifier: ConsultationNotifier;
  reconnectGraceMs: number;
  now?: () => Date;
  /** Told when a participant joins a consultation again after losing their connection. */
  onRejoin?: () => void;
  /** Record writes that wait out a database restart instead of being lost. */
  writes?: WriteRetryQueue;
  guestLinks?: Pick<GuestLinkRepository, 'createWithinCap' | 'find' | 'markJoined' | 'markLeft'>;
  /** This node's name, written on the consultations it holds. */
  nodeId: string;
  /** Node leases: what a previous run or a stopped node left open is closed from them. */
  nodes: Pick<ServerNodeRepository, 'closeOwnOrphans' | 'closeOrphan' | 'adoptOrphan' | 'isOpen' | 'strandedCallOf'>;
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

/**
 * Every consultation this node holds, from the resident's call to the end: the lifecycle
 * (queued → active → ended, see `consultation.ts`) is driven from here — accept, cancel,
 * hang up, transfer, drain and shutdown — and the rest is handed to one module per job in
 * `consultation/`: the live registry, the queue, the media rooms, presence (grace periods),
 * guest admission, the timeline, the call ending, after-call writes and node failover.
 * The public methods are the ones signalling, cluster, captions and forms call.
 */
export class ConsultationService {
  readonly writes: WriteRetryQueue;
  private readonly live = new LiveConsultations();
  private readonly now: () => Date;
  private readonly timeline: ConsultationTimeline;
  private readonly queueing: ConsultationQueue;
  private readonly afterCall: AfterCall;
  private readonly ending: CallEnding;
  private readonly presence: ConsultationPresence;
  private readonly media: ConsultationMedia;
  private readonly guests: GuestAdmission;
  private readonly failover: NodeFailover;

  constructor(private readonly options: ConsultationServiceOptions) {
    const now = options.now ?? (() => new Date());
    const { live } = this;
    this.now = now;
    this.writes = options.writes ?? new WriteRetryQueue();
    // Built in dependency order: each module gets only what it uses.
    this.timeline = new ConsultationTimeline(options.events, this.writes, now);
    const timeline = this.timeline;
    this.queueing = new ConsultationQueue({ ...options, live, timeline, now });
    this.afterCall = new AfterCall(options.consultationRecords, this.writes, now);
    this.ending = new CallEnding({ ...options, live, afterCall: this.afterCall, writes: this.writes, publishQueue: () => this.queueing.publish(), now });
    const end = this.ending.end;
    this.presence = new ConsultationPresence({
      live,
      timeline,
      notifier: options.notifier,
      end,
      reconnectGraceMs: options.reconnectGraceMs,
      // Its disconnect already told the others and wrote 'left'.
      guestGone: (principal, consultation) => this.guests.leave(principal, consultation, { announced: true }),
    });
    this.media = new ConsultationMedia({ ...options, live, timeline, ending: this.ending });
    this.guests = new GuestAdmission({ live, timeline, media: this.media, notifier: options.notifier, guestLinks: options.guestLinks, now });
    this.failover = new NodeFailover({ ...options, live, media: this.media, presence: this.presence, end, failoverMs: options.failoverMs ?? 0, now });
  }

  // --- The live registry ---------------------------------------------------------------

  /** Whether this node holds the consultation (its media and its state). */
  has(consultationId: string): boolean {
    return this.live.has(consultationId);
  }

  liveCounts(): { queued: number; active: number } {
    return this.live.counts();
  }

  queue(): QueueEntry[] {
    return this.live.queue();
  }

  /** The consultation, if this principal takes part in it and it is in progress. */
  requireActiveParticipant(principal: SocketPrincipal, consultationId: string): Consultation {
    return this.live.requireActiveParticipant(principal, consultationId);
  }

  get isDraining(): boolean {
    return this.live.isDraining;
  }

  // --- The lifecycle: queued → active → ended ---------------------------------------------

  /** A walk-in resident asks for a specialist of one department (or the general counter). */
  callStaff(kioskId: string, request: { departmentId?: string | undefined; language?: Language | undefined } = {}): Promise<{ consultationId: string; queuePosition: number }> {
    return this.queueing.callStaff(kioskId, request);
  }

  /** A booked resident checks in with their code; their appointment becomes a queued consultation. */
  checkIn(kioskId: string, code: string, language: Language | undefined): Promise<CheckInResult> {
    return this.queueing.checkIn(kioskId, code, language);
  }

  async cancel(principal: SocketPrincipal, consultationId: string): Promise<void> {
    const consultation = this.live.get(consultationId);
    if (principal.role !== 'kiosk' || consultation.kiosk.id !== principal.id) throw AppError.forbidden();
    if (consultation.state !== 'queued') throw AppError.invalidState('the call has already been answered');
    await this.end(consultationId, 'resident_left');
  }

  /** Staff answer a waiting resident: exactly one accept wins (here and in PostgreSQL). */
  async accept(principal: SocketPrincipal, consultationId: string): Promise<AcceptCallResult> {
    return this.live.mutex.run(consultationId, async () => {
      const consultation = this.live.find(consultationId);
      if (!consultation || consultation.state !== 'queued') {
        throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left');
      }
      // Knowing a consultation id is not enough: only a member of the department the resident waits for.
      if (!mayServe(principal, consultation.intake.departmentId)) throw AppError.forbidden('this resident is waiting for another department');
      const answered = await this.options.consultationRecords.markAnswered(consultationId, principal.id, this.now());
      if (!answered) throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident');
      consultation.staff = { id: principal.id, displayName: principal.displayName };
      consultation.setState('active');
      this.recordEvent(consultationId, 'answered', 'staff', { staffId: principal.id });
      const appointmentId = consultation.intake.appointmentId;
      // A transferred booking is already in session since its first answer.
      if (appointmentId && !consultation.intake.transferredFrom) {
        await this.options.appointments
          .startConsultation(appointmentId, principal.id)
          .catch((error: unknown) => log.error({ err: error, consultationId }, 'could not mark the appointment in session'));
      }
      await this.media.openRoom(consultation);
      this.options.notifier.callAccepted(consultation.kiosk.id, { consultationId, staffName: principal.displayName });
      this.queueing.publish();
      return { consultationId, kioskName: consultation.kiosk.name, kioskLocation: consultation.kiosk.location, mediaNodeUrl: null };
    });
  }

  /**
   * Staff hand the resident to another department: this consultation ends as `transferred` and
   * a new one is queued for the same kiosk, which stays connected and goes back to waiting.
   */
  async transfer(principal: SocketPrincipal, consultationId: string, departmentId: string): Promise<TransferResult> {
    const consultation = this.live.requireActiveParticipant(principal, consultationId);
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff can transfer a call');
    const department = await this.options.departments.findById(departmentId);
    if (!department?.active) throw AppError.badRequest('no such department');
    // Only the request that ended the call queues the resident again: of two transfers at once (a
    // double click, two departments) or a transfer racing the resident's hang-up, the other is refused.
    if (!(await this.end(consultationId, 'transferred', { kioskStaysQueued: true }))) {
      throw AppError.invalidState('this call has already ended or been handed over');
    }
    const queued = await this.queueing.enqueue(consultation.kiosk.id, {
      ...consultation.intake,
      departmentId: department.id,
      departmentName: department.name,
      transferredFrom: consultationId,
    });
    this.recordEvent(consultationId, 'transferred', 'staff', { [TRANSFERRED_TO_KEY]: queued.consultationId, departmentId: department.id });
    const result: TransferResult = {
      consultationId,
      newConsultationId: queued.consultationId,
      departmentId: department.id,
      departmentName: department.name,
      queuePosition: queued.queuePosition,
    };
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'transferred', result);
    return result;
  }

  async hangUp(principal: SocketPrincipal, consultationId: string, reason?: 'resident_absent'): Promise<void> {
    const consultation = this.live.participantOf(principal, consultationId);
    if (reason === 'resident_absent') {
      // Only the specialist can tell that nobody is at the kiosk, and only after answering.
      if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff report an empty kiosk');
      if (consultation.state !== 'active') throw AppError.invalidState('the call has not been answered');
      await this.end(consultationId, 'resident_absent');
      return;
    }
    // A guest leaving ends their part only; their link is spent.
    if (principal.role === 'guest') return this.guests.leave(principal, consultation);
    // Who hung up is the fact the record keeps: the resident leaving, or the specialist ending it.
    await this.end(consultationId, principal.role === 'kiosk' ? 'resident_left' : 'staff_ended');
  }

  /** Ends a consultation once: media, then the record, then notifications. Later calls do nothing. */
  end(consultationId: string, reason: EndReason, options: EndOptions = {}): Promise<boolean> {
    return this.ending.end(consultationId, reason, options);
  }

  /**
   * This node can no longer vouch for its calls (cut off from the database while another node
   * may have recorded them node_lost at `endedAt`): each ends here the same way, so the people
   * in them hear what the record says. The end writes wait for the database and change nothing
   * where the other node wrote first.
   */
  endAllHeld(reason: EndReason, endedAt: Date): Promise<void> {
    return this.ending.endAll(reason, { endedAt });
  }

  /**
   * Graceful shutdown, first half: take no new residents, let the waiting and talking ones
   * finish. Resolves when none are left or after `limitMs`, whichever comes first.
   */
  drain(limitMs: number): Promise<{ remaining: number }> {
    return this.live.drain(limitMs);
  }

  /** On shutdown: ends everything still live and stops reacting to disconnects. */
  async shutdown(reason: EndReason): Promise<void> {
    this.live.stop();
    for (const consultation of this.live.all()) consultation.clearGraceTimers();
    await this.ending.endAll(reason);
    await this.ending.settled();
  }

  // --- Media --------------------------------------------------------------------------------

  join(principal: SocketPrincipal, socketId: string, request: { consultationId: string; rtpCapabilities: RtpCapabilitiesJson; iceProtocol?: IceProtocol | undefined }, options: { withAccept?: boolean } = {}): Promise<JoinAnswer> {
    return this.media.join(principal, socketId, request, options);
  }

  connectTransport(principal: SocketPrincipal, socketId: string, consultationId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void> {
    return this.media.connectTransport(principal, socketId, consultationId, transportId, dtlsParameters);
  }

  restartIce(principal: SocketPrincipal, consultationId: string, transportId: string): Promise<IceParametersJson> {
    return this.media.restartIce(principal, consultationId, transportId);
  }

  produce(principal: SocketPrincipal, payload: ProducePayload): Promise<{ producerId: string }> {
    return this.media.produce(principal, payload);
  }

  closeProducer(principal: SocketPrincipal, consultationId: string, producerId: string): Promise<void> {
    return this.media.closeProducer(principal, consultationId, producerId);
  }

  reportMediaFailure(principal: SocketPrincipal, consultationId: string): Promise<MediaFailure> {
    return this.media.reportMediaFailure(principal, consultationId);
  }

  // --- Presence -----------------------------------------------------------------------------

  liveCallOf(principal: SocketPrincipal): ResumableCall | null {
    return this.presence.liveCallOf(principal);
  }

  /** A desk stands by for a waiting resident (desk-standby.ts), or (null) stops. */
  async standBy(principal: SocketPrincipal, socketId: string, request: StandByPayload): Promise<StandbyTransports | null> {
    if (request.consultationId === null) {
      this.media.standby.release(socketId);
      return null;
    }
    return this.media.standby.standBy(principal, socketId, request.consultationId, request.rtpCapabilities);
  }

  handleDisconnect(principal: SocketPrincipal, socketId: string): void {
    this.media.standby.release(socketId);
    this.presence.handleDisconnect(principal, socketId);
  }

  expectRemoteJoin(principal: SocketPrincipal, consultationId: string): void {
    this.presence.expectRemoteJoin(principal, consultationId);
  }

  // --- Guests -------------------------------------------------------------------------------

  inviteGuest(principal: SocketPrincipal, consultationId: string, label: string, ttlSeconds: number, kind: GuestKind = 'other'): Promise<{ linkId: string; expiresAt: Date }> {
    return this.guests.invite(principal, consultationId, label, ttlSeconds, kind);
  }

  admitGuest(linkId: string, consultationId: string): Promise<{ label: string; kind: GuestKind }> {
    return this.guests.admit(linkId, consultationId);
  }

  // --- Queue forecasts ------------------------------------------------------------------------

  refreshForecasts(): void {
    this.queueing.refreshForecasts();
  }

  refreshLocalForecasts(): void {
    this.queueing.refreshLocalForecasts();
  }

  // --- Timeline and after the call ----------------------------------------------------------------

  /** The timeline is evidence, not control: a failed write is logged and the call goes on. */
  recordEvent(consultationId: string, type: ConsultationEventType, actor: string, details: Record<string, unknown> = {}): void {
    this.timeline.record(consultationId, type, actor, details);
  }

  submitSurvey(kioskId: string, consultationId: string, rating: number | null): Promise<void> {
    return this.afterCall.submitSurvey(kioskId, consultationId, rating);
  }

  endedLately(consultationId: string): { kioskId: string; staffId: string | null } | null {
    return this.afterCall.endedLately(consultationId);
  }

  recordedEnd(principal: SocketPrincipal, consultationId: string): Promise<{ consultationId: string; reason: EndReason; answered: boolean } | null> {
    return this.afterCall.recordedEnd(principal, consultationId);
  }

  unrecordedCallOf(principal: SocketPrincipal): Promise<{ consultationId: string; reason: EndReason; kioskName: string } | null> {
    return this.afterCall.unrecordedCallOf(principal);
  }

  // --- Calls of lost nodes ----------------------------------------------------------------------

  recoverAfterRestart(): Promise<number> {
    return this.failover.recoverAfterRestart();
  }

  announceClosed(closed: ClosedOrphan[]): void {
    this.failover.announceClosed(closed);
  }

  endOrphan(principal: SocketPrincipal, consultationId: string): Promise<void> {
    return this.failover.endOrphan(principal, consultationId);
  }

  adoptOrphan(principal: SocketPrincipal, consultationId: string): Promise<ResumableCall | null> {
    return this.failover.adoptOrphan(principal, consultationId);
  }

  announceStranded(calls: StrandedCall[]): void {
    this.failover.announceStranded(calls);
  }

  adoptStrandedOf(principal: SocketPrincipal): Promise<ResumableCall | null> {
    return this.failover.adoptStrandedOf(principal);
  }
}
