import { createHash, createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { BookingChallenge, BookingPolicy, ChangeActorKind, PublicBooking, PublicBookingCreated, PublicBookingRequest, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { KioskBookingCreated, KioskBookingRequest } from '@madoguchi/contract/kiosk-booking';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { AuditLogRepository, AuditRecordInput } from '../db/repositories/audit-log-repository';
import type { OutboxRepository } from '../db/repositories/outbox-repository';
import type { BookingRow, PublicBookingRepository } from '../db/repositories/public-booking-repository';
import type { LinkSeal } from './link-seal';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { AttemptLimiter } from './attempt-limiter';
import { newCheckInCode } from './check-in-code';
import type { BookableTarget, FreeTimeService } from './free-time-service';
import { isDepartmentFull, PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from './pg-errors';
import type { ProofOfWork } from './proof-of-work';

const log = createLogger('public-booking');

/** What happened to a booking, for the mailer and the webhooks. */
export type BookingChangeKind = 'booked' | 'moved' | 'cancelled';

export interface PublicBookingServiceOptions {
  bookings: PublicBookingRepository;
  freeTimes: FreeTimeService;
  audit: AuditLogRepository;
  proofOfWork: ProofOfWork;
  outbox: OutboxRepository;
  seal: LinkSeal;
  /** Keys the contact hash, so the cap can count bookings per contact without a plain lookup column. */
  secret: string;
  limiters: { perAddress: AttemptLimiter; perContact: AttemptLimiter; linkLookups: AttemptLimiter; perKiosk: AttemptLimiter };
  onChange?: (kind: BookingChangeKind, appointmentId: string) => Promise<void> | void;
  now: () => Date;
}

type CreateInput = z.output<typeof PublicBookingRequest>;
/** What a booking needs, whoever makes it. */
export type BookingFields = Omit<CreateInput, 'challenge' | 'solution'>;

/** Who changes a booking: the resident (page, link or kiosk), or the town's platform through an API key. */
export type BookingActor = { kind: 'resident' } | { kind: 'api'; apiKeyId: string } | { kind: 'kiosk'; kioskId: string };
/** Who a booking is for: the keyed contact, and the cap on their open bookings when the page books (none for a platform). */
export interface BookingContact {
  key: string;
  maxOpen?: number;
}
const RESIDENT: BookingActor = { kind: 'resident' };

/** A resident (or the town's platform) changes a booking only while it is scheduled and before the town's cut-off. */
export function assertChangeable(row: Pick<BookingRow, 'status' | 'startsAt'>, policy: Pick<BookingPolicy, 'changeCutoffMinutes'>, now: Date): void {
  if (row.status !== 'scheduled') throw AppError.invalidState('this booking can no longer be changed');
  if (now.getTime() > row.startsAt.getTime() - policy.changeCutoffMinutes * 60_000) {
    throw new AppError(ErrorCode.InvalidState, 'too close to the appointment to change it here; please call the town office', { reason: 'past_cutoff' });
  }
}

/** The history row's author: an API key is no staff member, so its id goes in the details. */
const changeActorOf = (actor: BookingActor): { actorKind: ChangeActorKind; actorId: null } => ({ actorKind: actor.kind, actorId: null });
const actorDetails = (actor: BookingActor): Record<string, string> => (actor.kind === 'api' ? { apiKeyId: actor.apiKeyId } : {});

function auditOf(actor: BookingActor, what: BookingChangeKind, appointmentId: string): AuditRecordInput {
  if (actor.kind === 'kiosk') return { actorKind: 'kiosk', actorId: actor.kioskId, action: 'appointment_booked_at_kiosk', targetType: 'appointment', targetId: appointmentId };
  const action = actor.kind === 'api' ? (`appointment_${what}_by_api` as const) : (`appointment_${what}_publicly` as const);
  return {
    actorKind: actor.kind === 'api' ? 'api_key' : 'anonymous',
    actorId: actor.kind === 'api' ? actor.apiKeyId : null,
    action,
    targetType: 'appointment',
    targetId: appointmentId,
  };
}
type KioskInput = z.output<typeof KioskBookingRequest>;
/** Who the booking is for: what the page asks; a kiosk booking leaves name and contact blank. */
type ResidentFields = Pick<BookingFields, 'residentName' | 'residentKana' | 'preferredLanguage' | 'needs' | 'email' | 'phone'>;

const NO_NEEDS = { interpreter: false, hearingSupport: false, wheelchair: false, other: '' };

/** The same words for every refusal that involves the contact: nobody learns whether a contact has bookings. */
/**
 * One notice per move: keyed by the history row of that move, not by the new time, so a booking
 * moved back to a time it had before (staff and resident in turn) is told again.
 */
export const movedNoticeKey = (appointmentId: string, changeId: string): string => `moved:${appointmentId}:${changeId}`;

const CONTACT_REFUSAL = 'too many bookings from this address or contact; try again later or call the town office';

/**
 * Residents book, view, move and cancel their own appointments. Every write checks the rules
 * through the free-time search first, and then the database has the last word (kiosk
 * exclusion constraint, capacity trigger); a time taken meanwhile answers 409 with the next
 * free times.
 */
export class PublicBookingService {
  constructor(private readonly options: PublicBookingServiceOptions) {}

  challenge(): BookingChallenge {
    return this.options.proofOfWork.issue();
  }

  async create(input: CreateInput, address: string): Promise<PublicBookingCreated> {
    await this.options.limiters.perAddress.take(address);
    const proof = this.options.proofOfWork.verify(input.challenge, input.solution);
    if (!proof.ok) throw AppError.badRequest(`the page's check did not pass (${proof.reason}); reload the page`, [{ path: 'challenge', message: proof.reason }]);
    if (!(await this.options.bookings.spendChallenge(proof.nonce, proof.expiresAt, this.options.now()))) {
      throw AppError.badRequest("the page's check was already used; reload the page", [{ path: 'challenge', message: 'spent' }]);
    }
    const contactKey = this.contactKeyOf(input.email);
    // Counted before the cap is read, and worded like it: a refusal never tells whether the cap or the rate was hit.
    await this.options.limiters.perContact.take(contactKey).catch(() => {
      throw new AppError(ErrorCode.RateLimited, CONTACT_REFUSAL);
    });
    const policy = await this.options.freeTimes.policy();
    // A quick refusal before the free-time search; the count that decides is taken again under a lock in insert().
    if ((await this.options.bookings.countOpenByContact(contactKey)) >= policy.maxOpenPerContact) {
      throw new AppError(ErrorCode.RateLimited, CONTACT_REFUSAL);
    }
    const { id, manageToken } = await this.book(input, { key: contactKey, maxOpen: policy.maxOpenPerContact }, RESIDENT);
    return { booking: await this.toPublic((await this.options.bookings.findById(id)) ?? missing(), await this.options.freeTimes.policy()), manageToken };
  }

  /**
   * Books a free time for a resident, by the booking page or the town's platform (an API key:
   * no proof of work or contact cap, the platform answers for its own users). The rules are the
   * page's; the database has the last word.
   */
  async book(input: BookingFields, contact: BookingContact, actor: BookingActor): Promise<{ id: string; manageToken: string }> {
    const target = await this.options.freeTimes.target(input);
    const startsAt = new Date(input.startsAt);
    if (!(await this.options.freeTimes.isFree(target, startsAt))) throw await this.slotTaken(target, startsAt);
    const token = randomBytes(32).toString('base64url');
    const id = await this.insert(target, startsAt, input, contact, token, actor);
    await this.options.audit.record(auditOf(actor, 'booked', id));
    log.info({ appointmentId: id, by: actor.kind }, 'resident booked');
    await this.notify('booked', id);
    return { id, manageToken: token };
  }

  /**
   * 「この窓口で予約する」: a resident at the kiosk books a later time at this same kiosk, by the
   * same rules as the page (the free-time search first, then the database's constraints). No name
   * and no contact: the check-in code the kiosk shows is the resident's only key, so no mail is
   * queued and the booking has no private link; staff see it in the calendar as booked at the kiosk.
   * Counted per kiosk, so a kiosk left to a prankster cannot fill the calendar.
   */
  async createAtKiosk(kioskId: string, input: KioskInput): Promise<KioskBookingCreated> {
    await this.options.limiters.perKiosk.take(kioskId);
    const target = await this.options.freeTimes.target({ ...input, kioskId });
    const startsAt = new Date(input.startsAt);
    if (!(await this.options.freeTimes.isFree(target, startsAt))) throw await this.slotTaken(target, startsAt);
    const resident: ResidentFields = { residentName: '', residentKana: '', preferredLanguage: input.preferredLanguage, needs: NO_NEEDS, email: '', phone: '' };
    const actor: BookingActor = { kind: 'kiosk', kioskId };
    const id = await this.insert(target, startsAt, resident, null, null, actor);
    await this.options.audit.record(auditOf(actor, 'booked', id));
    log.info({ appointmentId: id, kioskId }, 'resident booked at the kiosk');
    await this.notify('booked', id);
    const row = (await this.options.bookings.findById(id)) ?? missing();
    return {
      checkInCode: row.checkInCode,
      checkInQrSvg: await qrOf(row.checkInCode),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      topicName: row.topic,
    };
  }

  async view(token: string, address: string): Promise<PublicBooking> {
    return await this.toPublic(await this.mustFind(token, address), await this.options.freeTimes.policy());
  }

  async move(token: string, startsAtText: string, address: string): Promise<PublicBooking> {
    const current = await this.mustFind(token, address);
    await this.moveBooking(current, startsAtText, RESIDENT);
    return await this.toPublic((await this.options.bookings.findById(current.id)) ?? missing(), await this.options.freeTimes.policy());
  }

  /** Moves a booking to another free time until the cut-off: the resident's link or the town's platform. */
  async moveBooking(current: BookingRow, startsAtText: string, actor: BookingActor): Promise<void> {
    const policy = await this.options.freeTimes.policy();
    assertChangeable(current, policy, this.options.now());
    if (!current.topicId) throw AppError.invalidState('this booking can only be changed by the town office');
    const target = await this.options.freeTimes.target({ departmentId: current.departmentId, topicId: current.topicId, kioskId: current.kioskId });
    const startsAt = new Date(startsAtText);
    if (!(await this.options.freeTimes.isFree(target, startsAt, current.id))) throw await this.slotTaken(target, startsAt, current.id);
    const endsAt = new Date(startsAt.getTime() + target.slotMinutes * 60_000);
    const moved = await this.options.bookings
      .transaction(async (manager) => {
        const locked = await this.options.bookings.findById(current.id, manager, true);
        if (!locked) throw AppError.invalidState('this booking can no longer be changed');
        // Staff may have moved or cancelled it since it was read: the locked row is the one that decides.
        assertChangeable(locked, policy, this.options.now());
        // Already there (a double click, a retried request): nothing changes, so no history, mail or webhook either.
        if (locked.startsAt.getTime() === startsAt.getTime() && locked.endsAt.getTime() === endsAt.getTime()) return false;
        await this.options.bookings.moveTo(manager, current.id, startsAt, endsAt);
        const changeId = await this.options.bookings.addChange(manager, current.id, {
          action: 'rescheduled',
          ...changeActorOf(actor),
          fromStatus: 'scheduled',
          toStatus: 'scheduled',
          details: { from: span(locked.startsAt, locked.endsAt), to: span(startsAt, endsAt), ...actorDetails(actor) },
        });
        await this.options.outbox.enqueue(manager, { kind: 'moved', appointmentId: current.id, key: movedNoticeKey(current.id, changeId), at: this.options.now() });
        return true;
      })
      .catch(async (error: unknown) => {
        throw isSlotRefusal(error) ? await this.slotTaken(target, startsAt, current.id) : error;
      });
    if (!moved) return;
    await this.options.audit.record(auditOf(actor, 'moved', current.id));
    await this.notify('moved', current.id);
  }

  async cancel(token: string, address: string): Promise<PublicBooking> {
    const current = await this.mustFind(token, address);
    await this.cancelBooking(current, RESIDENT);
    return await this.toPublic((await this.options.bookings.findById(current.id)) ?? missing(), await this.options.freeTimes.policy());
  }

  /** Cancels a booking until the cut-off: the resident's link or the town's platform. */
  async cancelBooking(current: BookingRow, actor: BookingActor): Promise<void> {
    const policy = await this.options.freeTimes.policy();
    assertChangeable(current, policy, this.options.now());
    await this.options.bookings.transaction(async (manager) => {
      // As for a move: staff may have moved it into the cut-off since it was read; the locked row decides.
      const locked = await this.options.bookings.findById(current.id, manager, true);
      if (!locked) throw AppError.invalidState('this booking can no longer be changed');
      assertChangeable(locked, policy, this.options.now());
      if (!(await this.options.bookings.cancel(manager, current.id))) throw AppError.invalidState('this booking can no longer be changed');
      await this.options.bookings.addChange(manager, current.id, { action: 'cancelled', ...changeActorOf(actor), fromStatus: 'scheduled', toStatus: 'cancelled', details: actorDetails(actor) });
      await this.options.outbox.enqueue(manager, { kind: 'cancelled', appointmentId: current.id, key: `cancelled:${current.id}`, at: this.options.now() });
    });
    await this.options.audit.record(auditOf(actor, 'cancelled', current.id));
    await this.notify('cancelled', current.id);
  }

  /** The booking behind a link, for the .ics download. */
  async rowOf(token: string, address: string): Promise<BookingRow> {
    return this.mustFind(token, address);
  }

  /** Admin: the old link stops working; the new one is returned once (to hand to the resident). */
  async reissueLink(staffId: string, appointmentId: string): Promise<{ manageToken: string }> {
    const token = randomBytes(32).toString('base64url');
    if (!(await this.options.bookings.setToken(appointmentId, hashToken(token), this.options.seal.seal(token)))) throw AppError.notFound('appointment');
    await this.options.audit.record({ actorKind: 'staff', actorId: staffId, action: 'booking_link_reissued', targetType: 'appointment', targetId: appointmentId });
    return { manageToken: token };
  }

  contactKeyOf(email: string): string {
    return createHmac('sha256', this.options.secret).update(`booking-contact:${email.trim().toLowerCase()}`).digest('hex');
  }

  private async insert(target: BookableTarget, startsAt: Date, input: ResidentFields, contact: BookingContact | null, token: string | null, actor: BookingActor): Promise<string> {
    const endsAt = new Date(startsAt.getTime() + target.slotMinutes * 60_000);
    // A code clash with another open appointment at this kiosk is rare; draw again.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      try {
        return await this.options.bookings.transaction(async (manager) => {
          // Parallel bookings by one contact each counted the others' rows as not there yet: the
          // count under a per-contact lock, in the inserting transaction, is the one that decides.
          if (contact?.maxOpen !== undefined && (await this.options.bookings.countOpenByContact(contact.key, manager)) >= contact.maxOpen) {
            throw new AppError(ErrorCode.RateLimited, CONTACT_REFUSAL);
          }
          const id = await this.options.bookings.insert(manager, {
            departmentId: target.departmentId,
            kioskId: target.kioskId,
            topicId: target.topicId,
            topic: target.topicName,
            startsAt,
            endsAt,
            residentName: input.residentName,
            residentKana: input.residentKana,
            preferredLanguage: input.preferredLanguage,
            needs: input.needs,
            email: input.email,
            phone: input.phone,
            contactKey: contact?.key ?? null,
            manageTokenHash: token === null ? null : hashToken(token),
            manageTokenSealed: token === null ? null : this.options.seal.seal(token),
            checkInCode: newCheckInCode(),
            source: actor.kind === 'resident' ? 'public' : actor.kind,
          });
          await this.options.bookings.addChange(manager, id, { action: 'created', ...changeActorOf(actor), fromStatus: null, toStatus: 'scheduled', details: { ...span(startsAt, endsAt), ...actorDetails(actor) } });
          // In the same transaction: the confirmation exists exactly when the booking does (a kiosk booking has no address to mail).
          if (input.email) await this.options.outbox.enqueue(manager, { kind: 'confirmation', appointmentId: id, key: `confirmation:${id}`, at: this.options.now() });
          return id;
        });
      } catch (error) {
        const pg = pgErrorOf(error);
        if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'appointment_open_code_per_kiosk') continue;
        if (isSlotRefusal(error)) throw await this.slotTaken(target, startsAt);
        throw error;
      }
    }
    throw new AppError(ErrorCode.Unavailable, 'could not draw a unique check-in code; try again');
  }

  private async slotTaken(target: BookableTarget, startsAt: Date, excludeId?: string): Promise<AppError> {
    const now = this.options.now();
    // A time already gone (a page left open, a platform's stale slot) is refused like a taken one, so every
    // screen offers the next free times, but the words say why; the offer then starts from now.
    const passed = startsAt.getTime() <= now.getTime();
    const details: SlotTakenDetails = { reason: 'slot_taken', nextFreeTimes: await this.options.freeTimes.nextFree(target, passed ? now : startsAt, 5, excludeId) };
    return new AppError(ErrorCode.Conflict, passed ? 'that time has already passed; choose one of the next free times' : 'that time is no longer free', details);
  }

  private async mustFind(token: string, address: string): Promise<BookingRow> {
    // A link is 256 random bits; counting failed lookups per address keeps a flood of guesses off the database.
    await this.options.limiters.linkLookups.take(address);
    const row = await this.options.bookings.findByTokenHash(hashToken(token));
    if (!row) throw AppError.notFound('booking');
    await this.options.limiters.linkLookups.giveBack(address);
    return row;
  }

  private async toPublic(row: BookingRow, policy: BookingPolicy): Promise<PublicBooking> {
    const open = row.status === 'scheduled' || row.status === 'checked_in';
    const changeableUntil = new Date(row.startsAt.getTime() - policy.changeCutoffMinutes * 60_000);
    return {
      status: row.status,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      topicId: row.topicId,
      topicName: row.topic,
      kioskId: row.kioskId,
      kioskName: row.kioskName,
      kioskLocation: row.kioskLocation,
      kioskAddress: row.kioskAddress,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      residentName: row.residentName,
      preferredLanguage: row.preferredLanguage,
      checkInCode: open ? row.checkInCode : null,
      checkInQrSvg: open ? await qrOf(row.checkInCode) : null,
      changeableUntil: changeableUntil.toISOString(),
      changeable: row.status === 'scheduled' && this.options.now() <= changeableUntil,
    };
  }

  private async notify(kind: BookingChangeKind, id: string): Promise<void> {
    try {
      await this.options.onChange?.(kind, id);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error), appointmentId: id, kind }, 'booking notice not queued');
    }
  }
}

function missing(): never {
  throw AppError.notFound('booking');
}

/** The check-in code as a QR in the format the kiosk reads from check-in slips. */
function qrOf(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isSlotRefusal(error: unknown): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === PG_EXCLUSION_VIOLATION || isDepartmentFull(error);
}

const span = (startsAt: Date, endsAt: Date): Record<string, string> => ({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
