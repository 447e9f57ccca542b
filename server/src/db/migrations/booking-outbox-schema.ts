import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail to residents goes through an outbox (issue 19): a notice is written in the same step
 * as the booking change it reports, once (a unique key per notice), and a sender delivers it
 * with retries, so a mail relay that is down loses nothing and nothing is sent twice.
 */
export class BookingOutboxSchema1766600000001 implements MigrationInterface {
  name = 'BookingOutboxSchema1766600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('confirmation', 'reminder_day', 'reminder_hour', 'moved', 'cancelled')),
        appointment_id uuid NOT NULL REFERENCES appointment (id),
        dedupe_key text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        locked_until timestamptz,
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    // The mail carries the private link, and only its hash finds a booking: the link itself is
    // kept sealed (AES-256-GCM under a key derived from the server secret) for the reminders.
    await q.query(`ALTER TABLE appointment ADD COLUMN manage_token_sealed text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appointment DROP COLUMN manage_token_sealed`);
    await q.query(`DROP TABLE outbox_message`);
  }
}
