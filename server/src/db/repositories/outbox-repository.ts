import type { DataSource, EntityManager } from 'typeorm';
import type { Language } from '@madoguchi/contract/languages';
import { returnedRows } from '../query-result';

export const OUTBOX_KINDS = ['confirmation', 'reminder_day', 'reminder_hour', 'moved', 'cancelled'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** One claimed message with what its mail needs, read from the booking as it is now. */
export interface ClaimedMessage {
  id: string;
  kind: OutboxKind;
  attempts: number;
  appointmentId: string;
  email: string | null;
  language: Language;
  residentName: string;
  departmentName: string;
  topic: string;
  kioskName: string;
  kioskLocation: string;
  kioskAddress: string;
  startsAt: Date;
  checkInCode: string;
  tokenSealed: string | null;
}

/** The mail outbox: written with the change it reports, read by the sender. */
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Queues a notice for a booking that has an e-mail address; the key makes it once-only
   * (a second enqueue of the same key does nothing).
   */
  async enqueue(manager: EntityManager, message: { kind: OutboxKind; appointmentId: string; key: string; at: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_message (kind, appointment_id, dedupe_key, next_attempt_at)
       SELECT $1, a.id, $3, $4 FROM appointment a WHERE a.id = $2 AND a.contact_email IS NOT NULL
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [message.kind, message.appointmentId, message.key, message.at],
    );
  }

  /**
   * Reminders that have come due: the day before (24 h ahead) and an hour before, for
   * scheduled bookings made before that point. The key carries the start, so a moved booking
   * is reminded of its new time once.
   */
  async enqueueDueReminders(now: Date): Promise<number> {
    let queued = 0;
    for (const [kind, minutes] of [['reminder_day', 24 * 60], ['reminder_hour', 60]] as const) {
      const rows = returnedRows<{ id: string }>(
        await this.dataSource.query(
          `INSERT INTO outbox_message (kind, appointment_id, dedupe_key, next_attempt_at)
           SELECT $1, a.id, $1 || ':' || a.id || ':' || to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), $2
             FROM appointment a
            WHERE a.status = 'scheduled' AND a.contact_email IS NOT NULL
              AND a.starts_at > $2 AND a.starts_at <= $2 + make_interval(mins => $3)
              AND a.created_at < a.starts_at - make_interval(mins => $3)
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          [kind, now, minutes],
        ),
      );
      queued += rows.length;
    }
    return queued;
  }

  /**
   * Takes up to `limit` due messages for this sender: pending ones, and ones whose sender
   * stopped mid-way (its lock ran out). SKIP LOCKED lets several nodes send side by side.
   */
  async claim(now: Date, limit: number, lockMs: number): Promise<ClaimedMessage[]> {
    const rows: {
      id: string; kind: OutboxKind; attempts: number; appointment_id: string; contact_email: string | null; preferred_language: Language;
      resident_name: string; department_name: string; topic: string; kiosk_name: string; kiosk_location: string; kiosk_address: string;
      starts_at: Date; check_in_code: string; manage_token_sealed: string | null;
    }[] = returnedRows(
      await this.dataSource.query(
        `WITH due AS (
           SELECT id FROM outbox_message
            WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until < $1)
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE outbox_message o SET status = 'sending', attempts = o.attempts + 1, locked_until = $1 + make_interval(secs => $3)
           FROM due, appointment a JOIN department d ON d.id = a.department_id JOIN kiosk k ON k.id = a.kiosk_id
          WHERE o.id = due.id AND a.id = o.appointment_id
          RETURNING o.id, o.kind, o.attempts, o.appointment_id, a.contact_email, a.preferred_language, a.resident_name,
                    d.name AS department_name, a.topic, k.name AS kiosk_name, k.location AS kiosk_location,
                    k.address AS kiosk_address, a.starts_at, a.check_in_code, a.manage_token_sealed`,
        [now, limit, lockMs / 1000],
      ),
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      attempts: r.attempts,
      appointmentId: r.appointment_id,
      email: r.contact_email,
      language: r.preferred_language,
      residentName: r.resident_name,
      departmentName: r.department_name,
      topic: r.topic,
      kioskName: r.kiosk_name,
      kioskLocation: r.kiosk_location,
      kioskAddress: r.kiosk_address,
      startsAt: r.starts_at,
      checkInCode: r.check_in_code,
      tokenSealed: r.manage_token_sealed,
    }));
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE outbox_message SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1`, [id, at]);
  }

  /** Back to pending for a later try, or failed for good; the error is the relay's words, never the message. */
  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET status = $3, next_attempt_at = COALESCE($4, next_attempt_at), locked_until = NULL, last_error = $2 WHERE id = $1`,
      [id, error.slice(0, 500), retryAt ? 'pending' : 'failed', retryAt],
    );
  }
}
