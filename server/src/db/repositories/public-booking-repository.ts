import type { EntityManager, DataSource } from 'typeorm';
import type { AppointmentNeeds, AppointmentStatus } from '@madoguchi/contract/appointments';
import type { ChangeActorKind } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';
import { returnedRows } from '../query-result';

export interface PublicAppointmentFields {
  departmentId: string;
  kioskId: string;
  topicId: string;
  topic: string;
  startsAt: Date;
  endsAt: Date;
  residentName: string;
  residentKana: string;
  preferredLanguage: Language;
  needs: AppointmentNeeds;
  email: string;
  phone: string;
  /** Null for a kiosk booking: no contact, no private link. */
  contactKey: string | null;
  manageTokenHash: string | null;
  manageTokenSealed: string | null;
  checkInCode: string;
  source: 'public' | 'kiosk' | 'api';
}

/** A booking as its private link shows it (and the mailer words it). */
export interface BookingRow {
  id: string;
  status: AppointmentStatus;
  departmentId: string;
  departmentName: string;
  topicId: string | null;
  topic: string;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  kioskAddress: string;
  startsAt: Date;
  endsAt: Date;
  residentName: string;
  preferredLanguage: Language;
  checkInCode: string;
  email: string | null;
  source: string;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT_BOOKING = `
  SELECT a.id, a.status, a.department_id, d.name AS department_name, a.topic_id, a.topic, a.kiosk_id,
         k.name AS kiosk_name, k.location AS kiosk_location, k.address AS kiosk_address, a.starts_at, a.ends_at,
         a.resident_name, a.preferred_language, a.check_in_code, a.contact_email, a.source,
         a.created_at, a.updated_at
    FROM appointment a JOIN department d ON d.id = a.department_id JOIN kiosk k ON k.id = a.kiosk_id`;

interface Row {
  id: string;
  status: AppointmentStatus;
  department_id: string;
  department_name: string;
  topic_id: string | null;
  topic: string;
  kiosk_id: string;
  kiosk_name: string;
  kiosk_location: string;
  kiosk_address: string;
  starts_at: Date;
  ends_at: Date;
  resident_name: string;
  preferred_language: Language;
  check_in_code: string;
  contact_email: string | null;
  source: string;
  created_at: Date;
  updated_at: Date;
}

const toBooking = (r: Row): BookingRow => ({
  id: r.id,
  status: r.status,
  departmentId: r.department_id,
  departmentName: r.department_name,
  topicId: r.topic_id,
  topic: r.topic,
  kioskId: r.kiosk_id,
  kioskName: r.kiosk_name,
  kioskLocation: r.kiosk_location,
  kioskAddress: r.kiosk_address,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  residentName: r.resident_name,
  preferredLanguage: r.preferred_language,
  checkInCode: r.check_in_code,
  email: r.contact_email,
  source: r.source,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Appointments booked from outside staff's hands: by residents, at a kiosk or through the integration API. */
export class PublicBookingRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, f: PublicAppointmentFields): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO appointment (department_id, kiosk_id, topic_id, topic, starts_at, ends_at, resident_name, resident_kana,
                                preferred_language, needs, contact_email, contact_phone, contact_key, manage_token_hash,
                                check_in_code, source, manage_token_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        f.departmentId, f.kioskId, f.topicId, f.topic, f.startsAt, f.endsAt, f.residentName, f.residentKana,
        f.preferredLanguage, JSON.stringify(f.needs), f.email || null, f.phone || null, f.contactKey, f.manageTokenHash,
        f.checkInCode, f.source, f.manageTokenSealed,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('insert returned no id');
    return id;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<BookingRow | null> {
    const rows: Row[] = await manager.query(`${SELECT_BOOKING} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
    return rows[0] ? toBooking(rows[0]) : null;
  }

  async findByTokenHash(hash: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<BookingRow | null> {
    const rows: Row[] = await manager.query(`${SELECT_BOOKING} WHERE a.manage_token_hash = $1${lock ? ' FOR UPDATE OF a' : ''}`, [hash]);
    return rows[0] ? toBooking(rows[0]) : null;
  }

  /**
   * Open bookings of one contact. Given a transaction, it first takes that contact's advisory
   * lock (held to the commit), so transactions counting the same contact run one after another
   * and each sees the rows the ones before it inserted.
   */
  async countOpenByContact(contactKey: string, manager?: EntityManager): Promise<number> {
    if (manager) await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('booking-contact:' || $1, 0))`, [contactKey]);
    const rows: { n: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT count(*) AS n FROM appointment WHERE contact_key = $1 AND status IN ('scheduled', 'checked_in')`,
      [contactKey],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async moveTo(manager: EntityManager, id: string, startsAt: Date, endsAt: Date): Promise<void> {
    await manager.query(`UPDATE appointment SET starts_at = $2, ends_at = $3, updated_at = now() WHERE id = $1`, [id, startsAt, endsAt]);
  }

  async cancel(manager: EntityManager, id: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(`UPDATE appointment SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id`, [id]),
    );
    return rows.length === 1;
  }

  /** A revoked link stops working at once; a new one may be issued. */
  async setToken(id: string, hash: string, sealed: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(`UPDATE appointment SET manage_token_hash = $2, manage_token_sealed = $3 WHERE id = $1 RETURNING id`, [id, hash, sealed]),
    );
    return rows.length === 1;
  }

  async addChange(
    manager: EntityManager,
    appointmentId: string,
    change: { action: string; actorKind: ChangeActorKind; actorId: string | null; fromStatus: AppointmentStatus | null; toStatus: AppointmentStatus; details?: Record<string, unknown> },
  ): Promise<string> {
    const rows = returnedRows<{ id: string }>(await manager.query(
      `INSERT INTO appointment_change (appointment_id, actor_id, actor_kind, action, from_status, to_status, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [appointmentId, change.actorId, change.actorKind, change.action, change.fromStatus, change.toStatus, JSON.stringify(change.details ?? {})],
    ));
    return String(rows[0]?.id ?? '');
  }

  /** The id of the latest change of an appointment's history (a notice's key names the change it is about). */
  async latestChangeId(appointmentId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM appointment_change WHERE appointment_id = $1 ORDER BY id DESC LIMIT 1`, [appointmentId]);
    return rows[0] ? String(rows[0].id) : null;
  }

  /** True the first time a challenge is spent; false if it was spent before. Old entries are swept on the way. */
  async spendChallenge(nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.dataSource.query(`DELETE FROM booking_challenge_spent WHERE expires_at < $1`, [now]);
    const rows = returnedRows<{ nonce: string }>(
      await this.dataSource.query(`INSERT INTO booking_challenge_spent (nonce, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce`, [nonce, expiresAt]),
    );
    return rows.length === 1;
  }
}
