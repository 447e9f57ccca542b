import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Departments, appointments, session outcomes, session events and the audit log.
 * Double booking is refused by the database itself: exclusion constraints over time ranges
 * (btree_gist lets a GiST index compare the uuid columns with =).
 */
export class SchedulingSchema1763900000000 implements MigrationInterface {
  name = 'SchedulingSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // In public so that every schema on the search path (tests use one schema each) sees its operator classes.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public`);

    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        name_translations jsonb NOT NULL DEFAULT '{}',
        icon text NOT NULL DEFAULT 'general',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`ALTER TABLE staff_user
      ADD COLUMN languages text[] NOT NULL DEFAULT '{ja}',
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE staff_department (
        staff_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department (id),
        PRIMARY KEY (staff_id, department_id)
      )`);

    await q.query(`ALTER TABLE kiosk
      ADD COLUMN address text NOT NULL DEFAULT '',
      ADD COLUMN last_heartbeat_at timestamptz,
      ADD COLUMN camera_roles jsonb NOT NULL DEFAULT '{"faceCameraId": null, "documentCameraId": null}',
      ADD COLUMN pairing_code_hash text UNIQUE,
      ADD COLUMN pairing_expires_at timestamptz,
      ADD CONSTRAINT pairing_code_has_expiry CHECK ((pairing_code_hash IS NULL) = (pairing_expires_at IS NULL))`);

    await q.query(`CREATE TYPE appointment_status AS ENUM
      ('scheduled', 'checked_in', 'in_session', 'completed', 'cancelled', 'no_show')`);
    await q.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status appointment_status NOT NULL DEFAULT 'scheduled',
        department_id uuid NOT NULL REFERENCES department (id),
        kiosk_id uuid NOT NULL REFERENCES kiosk (id),
        staff_id uuid REFERENCES staff_user (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        resident_name text NOT NULL,
        resident_kana text NOT NULL DEFAULT '',
        preferred_language text NOT NULL DEFAULT 'ja',
        needs jsonb NOT NULL DEFAULT '{}',
        topic text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        check_in_code text NOT NULL CHECK (check_in_code ~ '^[0-9]{6}$'),
        created_by uuid REFERENCES staff_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointment_span CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '4 hours'),
        CONSTRAINT appointment_no_kiosk_overlap EXCLUDE USING gist
          (kiosk_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
          WHERE (status NOT IN ('cancelled', 'no_show')),
        CONSTRAINT appointment_no_staff_overlap EXCLUDE USING gist
          (staff_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
          WHERE (staff_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show'))
      )`);
    // A code identifies one open appointment at its kiosk.
    await q.query(`CREATE UNIQUE INDEX appointment_open_code_per_kiosk ON appointment (kiosk_id, check_in_code)
      WHERE status IN ('scheduled', 'checked_in')`);
    await q.query(`CREATE INDEX appointment_starts_at ON appointment (starts_at)`);
    await q.query(`CREATE INDEX appointment_due ON appointment (starts_at) WHERE status = 'scheduled'`);

    await q.query(`
      CREATE TABLE appointment_change (
        id bigserial PRIMARY KEY,
        appointment_id uuid NOT NULL REFERENCES appointment (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES staff_user (id),
        action text NOT NULL,
        from_status appointment_status,
        to_status appointment_status NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX appointment_change_by_appointment ON appointment_change (appointment_id, at)`);

    await q.query(`ALTER TABLE consultation_session
      ADD COLUMN department_id uuid REFERENCES department (id),
      ADD COLUMN appointment_id uuid REFERENCES appointment (id),
      ADD COLUMN language text NOT NULL DEFAULT 'ja',
      ADD COLUMN outcome_code text CHECK (outcome_code IN
        ('resolved', 'follow_up', 'referred', 'documents_needed', 'visit_counter', 'no_conversation', 'other')),
      ADD COLUMN notes text NOT NULL DEFAULT '',
      ADD COLUMN satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
      ADD COLUMN quality jsonb`);
    // A resident who left the queue may check in again: one appointment, several attempts, one open at a time.
    await q.query(`CREATE UNIQUE INDEX consultation_session_one_open_per_appointment ON consultation_session (appointment_id)
      WHERE ended_at IS NULL AND appointment_id IS NOT NULL`);
    await q.query(`CREATE INDEX consultation_session_appointment ON consultation_session (appointment_id)`);
    await q.query(`CREATE INDEX consultation_session_department ON consultation_session (department_id, queued_at)`);
    await q.query(`CREATE INDEX consultation_session_kiosk ON consultation_session (kiosk_id, queued_at)`);
    await q.query(`CREATE INDEX consultation_session_staff ON consultation_session (staff_id, queued_at)`);

    await q.query(`
      CREATE TABLE session_event (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES consultation_session (id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        actor text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX session_event_by_session ON session_event (session_id, id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_at ON audit_log (at DESC)`);

    // History tables are append-only: the database refuses edits and deletions.
    await q.query(`
      CREATE FUNCTION refuse_change_to_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['appointment_change', 'session_event', 'audit_log']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change_to_history()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'session_event', 'appointment_change']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION refuse_change_to_history()`);
    await q.query(`ALTER TABLE consultation_session DROP COLUMN department_id, DROP COLUMN appointment_id,
      DROP COLUMN language, DROP COLUMN outcome_code, DROP COLUMN notes, DROP COLUMN satisfaction, DROP COLUMN quality`);
    await q.query(`DROP TABLE appointment`);
    await q.query(`DROP TYPE appointment_status`);
    await q.query(`ALTER TABLE kiosk DROP COLUMN address, DROP COLUMN last_heartbeat_at, DROP COLUMN camera_roles,
      DROP COLUMN pairing_code_hash, DROP COLUMN pairing_expires_at`);
    await q.query(`DROP TABLE staff_department`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN languages, DROP COLUMN must_change_password`);
    await q.query(`DROP TABLE department`);
  }
}
