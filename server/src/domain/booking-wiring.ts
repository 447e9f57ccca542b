import type { DataSource } from 'typeorm';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import { BookingRuleRepository } from '../db/repositories/booking-rule-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { PublicBookingRepository } from '../db/repositories/public-booking-repository';
import { OutboxSender } from '../mail/outbox-sender';
import { AttemptLimiter, type AttemptLimiterOptions, type LimiterStore } from './attempt-limiter';
import { FreeTimeService } from './free-time-service';
import { LinkSeal } from './link-seal';
import { ProofOfWork } from './proof-of-work';
import { movedNoticeKey, PublicBookingService, type BookingChangeKind } from './public-booking-service';

/** Abuse limits of the public booking page; tests and the benchmark raise them. */
export interface BookingLimits {
  /** New bookings per client address. */
  perAddress: AttemptLimiterOptions;
  /** New bookings per contact (e-mail). */
  perContact: AttemptLimiterOptions;
  /** Private-link lookups that found nothing, per address. */
  linkLookups: AttemptLimiterOptions;
  /** Bookings made at one kiosk (「この窓口で予約する」). */
  perKiosk: AttemptLimiterOptions;
  /** Leading zero bits of the proof of work. */
  proofBits: number;
}

export const DEFAULT_BOOKING_LIMITS: BookingLimits = Object.freeze({
  perAddress: { name: 'booking-address', attempts: 20, windowSeconds: 3600 },
  perContact: { name: 'booking-contact', attempts: 5, windowSeconds: 24 * 3600 },
  linkLookups: { name: 'booking-link', attempts: 30, windowSeconds: 600 },
  perKiosk: { name: 'booking-kiosk', attempts: 12, windowSeconds: 3600 },
  proofBits: 16,
});

export interface BookingWiringOptions {
  dataSource: DataSource;
  audit: AuditLogRepository;
  departments: DepartmentRepository;
  kiosks: KioskRepository;
  limiterStore: LimiterStore;
  secret: string;
  limits?: Partial<BookingLimits> | undefined;
  onChange?: (kind: BookingChangeKind, appointmentId: string) => Promise<void> | void;
  /** SMTP_URL and MAIL_FROM; without a relay, mail waits in the outbox. */
  mail?: { smtpUrl: string | undefined; from: string } | undefined;
  /** Where the booking page is reached, for the links in mail. */
  siteUrl: () => string;
  now: () => Date;
}

export interface Booking {
  rules: BookingRuleRepository;
  freeTimes: FreeTimeService;
  bookings: PublicBookingService;
  /** The bookings' rows by id, for the integration API. */
  bookingRows: PublicBookingRepository;
  outbox: OutboxRepository;
  sender: OutboxSender;
  /** AppointmentService's hook: staff moved or cancelled a booking, the resident gets a notice. */
  staffChanged: (change: { kind: 'moved' | 'cancelled'; appointmentId: string; startsAt: Date }) => Promise<void>;
}

/** The residents' booking: rules, free-time search and the public booking service, built once by createApp. */
export function createBooking(options: BookingWiringOptions): Booking {
  const limits = { ...DEFAULT_BOOKING_LIMITS, ...options.limits };
  const rules = new BookingRuleRepository(options.dataSource);
  const outbox = new OutboxRepository(options.dataSource);
  const seal = new LinkSeal(options.secret);
  const freeTimes = new FreeTimeService({ rules, departments: options.departments, kiosks: options.kiosks, now: options.now });
  const bookingRows = new PublicBookingRepository(options.dataSource);
  const bookings = new PublicBookingService({
    bookings: bookingRows,
    freeTimes,
    audit: options.audit,
    outbox,
    seal,
    proofOfWork: new ProofOfWork({ secret: options.secret, bits: limits.proofBits, ttlMs: 10 * 60_000, now: options.now }),
    secret: options.secret,
    limiters: {
      perAddress: new AttemptLimiter(options.limiterStore, limits.perAddress),
      perContact: new AttemptLimiter(options.limiterStore, limits.perContact),
      linkLookups: new AttemptLimiter(options.limiterStore, limits.linkLookups),
      perKiosk: new AttemptLimiter(options.limiterStore, limits.perKiosk),
    },
    onChange: options.onChange,
    now: options.now,
  });
  const sender = new OutboxSender({ outbox, seal, smtpUrl: options.mail?.smtpUrl, from: options.mail?.from ?? 'Madoguchi <no-reply@madoguchi.invalid>', siteUrl: options.siteUrl, now: options.now });
  const staffChanged: Booking['staffChanged'] = async ({ kind, appointmentId, startsAt }) => {
    // Called after the staff member's change is written: the latest history row is that change.
    const changeId = kind === 'moved' ? await bookingRows.latestChangeId(appointmentId) : null;
    const key = kind === 'moved' ? movedNoticeKey(appointmentId, changeId ?? startsAt.toISOString()) : `cancelled:${appointmentId}`;
    await options.dataSource.transaction((manager) => outbox.enqueue(manager, { kind, appointmentId, key, at: options.now() }));
  };
  return { rules, freeTimes, bookings, bookingRows, outbox, sender, staffChanged };
}
