import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents book their own visits (issue 19): the rules that say which times are bookable,
 * and what an appointment booked from outside carries (its contact, where it came from, the
 * hash of its private link). The kiosk exclusion constraint of the scheduling schema still
 * refuses double bookings; a trigger adds the department's capacity for bookings that did not
 * come from staff, so the free-time search and the database agree.
 */
export class BookingSchema1766600000000 implements MigrationInterface {
  name = 'BookingSchema1766600000000';

  async up(q: QueryRunner): Promise<void> {
    // Weekly hours are a short list edited as a whole ([{weekday, opens, closes}]); nothing filters on them in SQL.
    await q.query(`
      CREATE TABLE booking_department_rule (
        department_id uuid PRIMARY KEY REFERENCES department (id),
        bookable boolean NOT NULL DEFAULT false,
        capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
        hours jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES staff_user (id)
      )`);
    await q.query(`
      CREATE TABLE booking_topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department (id),
        name text NOT NULL,
        name_translations jsonb NOT NULL DEFAULT '{}',
        slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240 AND slot_minutes % 5 = 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX booking_topic_department ON booking_topic (department_id)`);
    await q.query(`
      CREATE TABLE booking_kiosk_hours (
        kiosk_id uuid PRIMARY KEY REFERENCES kiosk (id),
        bookable boolean NOT NULL DEFAULT false,
        hours jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE booking_blocked_day (
        day date PRIMARY KEY,
        label text NOT NULL DEFAULT ''
      )`);

    await q.query(`ALTER TABLE appointment
      ADD COLUMN source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'public', 'kiosk', 'api')),
      ADD COLUMN topic_id uuid REFERENCES booking_topic (id),
      ADD COLUMN contact_email text,
      ADD COLUMN contact_phone text,
      ADD COLUMN contact_key text,
      ADD COLUMN manage_token_hash text UNIQUE`);
    // The cap on open bookings per contact counts through this index.
    await q.query(`CREATE INDEX appointment_open_by_contact ON appointment (contact_key)
      WHERE contact_key IS NOT NULL AND status IN ('scheduled', 'checked_in')`);
    await q.query(`CREATE INDEX appointment_live_by_department ON appointment (department_id, starts_at)
      WHERE status NOT IN ('cancelled', 'no_show')`);
    await q.query(`CREATE INDEX appointment_live_by_kiosk ON appointment (kiosk_id, starts_at)
      WHERE status NOT IN ('cancelled', 'no_show')`);

    // Who changed a booking: staff (actor_id), the resident through the private link, or the system.
    await q.query(`ALTER TABLE appointment_change ADD COLUMN actor_kind text
      CHECK (actor_kind IN ('staff', 'resident', 'kiosk', 'api', 'system'))`);

    // Proof-of-work challenges are single-use; spent ones are kept until they expire.
    await q.query(`CREATE TABLE booking_challenge_spent (nonce text PRIMARY KEY, expires_at timestamptz NOT NULL)`);

    // Capacity: the department's specialists serve this many booked residents at once. Serialised
    // per department by an advisory lock so that two bookings cannot both see the last place free.
    await q.query(`
      CREATE FUNCTION booking_enforce_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
        taken integer;
      BEGIN
        IF NEW.source = 'staff' OR NEW.status IN ('cancelled', 'no_show') THEN RETURN NEW; END IF;
        IF TG_OP = 'UPDATE' AND NEW.starts_at = OLD.starts_at AND NEW.ends_at = OLD.ends_at
           AND NEW.department_id = OLD.department_id AND OLD.status = NEW.status THEN RETURN NEW; END IF;
        SELECT capacity INTO cap FROM booking_department_rule WHERE department_id = NEW.department_id;
        IF cap IS NULL THEN RETURN NEW; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('booking-capacity:' || NEW.department_id::text));
        SELECT count(*) INTO taken FROM appointment a
         WHERE a.department_id = NEW.department_id AND a.id <> NEW.id
           AND a.status NOT IN ('cancelled', 'no_show')
           AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(NEW.starts_at, NEW.ends_at, '[)');
        IF taken >= cap THEN
          RAISE EXCEPTION 'department % is fully booked at that time', NEW.department_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_department_capacity';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER appointment_booking_capacity BEFORE INSERT OR UPDATE ON appointment
      FOR EACH ROW EXECUTE FUNCTION booking_enforce_capacity()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER appointment_booking_capacity ON appointment`);
    await q.query(`DROP FUNCTION booking_enforce_capacity()`);
    await q.query(`DROP TABLE booking_challenge_spent`);
    await q.query(`ALTER TABLE appointment_change DROP COLUMN actor_kind`);
    await q.query(`ALTER TABLE appointment DROP COLUMN source, DROP COLUMN topic_id, DROP COLUMN contact_email,
      DROP COLUMN contact_phone, DROP COLUMN contact_key, DROP COLUMN manage_token_hash`);
    for (const table of ['booking_blocked_day', 'booking_kiosk_hours', 'booking_topic', 'booking_department_rule']) await q.query(`DROP TABLE ${table}`);
  }
}
