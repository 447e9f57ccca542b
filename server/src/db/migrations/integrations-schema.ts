import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The town's other systems (issue 19): API keys (only their SHA-256 kept), the stored answers
 * of idempotent creates, webhook endpoints and their delivery outbox. Deliveries are queued by
 * triggers in the same transaction as the change they report, whichever code path or node made
 * it (staff, the booking page, an API key, the kiosk's check-in, the no-show job, a call).
 */
export class IntegrationsSchema1767700000000 implements MigrationInterface {
  name = 'IntegrationsSchema1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        name text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid REFERENCES staff_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE idempotency_record (
        api_key_id uuid NOT NULL REFERENCES api_key (id),
        idempotency_key text NOT NULL,
        route text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'done')),
        status_code integer,
        response jsonb,
        locked_until timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (api_key_id, idempotency_key)
      )`);
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        secret_sealed text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id),
        event text NOT NULL,
        event_id uuid NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        response_code integer,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX webhook_delivery_log ON webhook_delivery (created_at DESC, id DESC)`);

    // One event, one delivery per subscribed endpoint, all in the writer's transaction.
    await q.query(`
      CREATE FUNCTION queue_webhook(event_type text, data jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        event_uuid uuid := gen_random_uuid();
      BEGIN
        INSERT INTO webhook_delivery (endpoint_id, event, event_id, payload)
        SELECT e.id, event_type, event_uuid,
               jsonb_build_object('id', event_uuid, 'type', event_type,
                                  'occurredAt', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                  'data', data)
          FROM webhook_endpoint e
         WHERE e.active AND event_type = ANY (e.events);
      END $$`);
    await q.query(`
      CREATE FUNCTION appointment_change_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_type text := CASE NEW.action
          WHEN 'created' THEN 'appointment.booked'
          WHEN 'rescheduled' THEN 'appointment.moved'
          WHEN 'cancelled' THEN 'appointment.cancelled'
          WHEN 'checked_in' THEN 'appointment.checked_in'
          WHEN 'session_started' THEN 'appointment.answered'
          WHEN 'completed' THEN 'appointment.completed'
          WHEN 'no_show' THEN 'appointment.no_show'
        END;
        a appointment%ROWTYPE;
      BEGIN
        IF event_type IS NULL OR NOT EXISTS (SELECT 1 FROM webhook_endpoint WHERE active) THEN RETURN NULL; END IF;
        SELECT * INTO a FROM appointment WHERE id = NEW.appointment_id;
        PERFORM queue_webhook(event_type, jsonb_build_object(
          'appointmentId', a.id, 'consultationId', NULL, 'status', NEW.to_status,
          'departmentId', a.department_id, 'kioskId', a.kiosk_id,
          'startsAt', to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          'endsAt', to_char(a.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER appointment_change_webhook AFTER INSERT ON appointment_change
      FOR EACH ROW EXECUTE FUNCTION appointment_change_webhook()`);
    await q.query(`
      CREATE FUNCTION consultation_webhook() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoint WHERE active) THEN RETURN NULL; END IF;
        IF OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL THEN
          PERFORM queue_webhook('consultation.answered', jsonb_build_object(
            'appointmentId', NEW.appointment_id, 'consultationId', NEW.id, 'status', 'answered',
            'departmentId', NEW.department_id, 'kioskId', NEW.kiosk_id, 'startsAt', NULL, 'endsAt', NULL));
        END IF;
        IF OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL THEN
          PERFORM queue_webhook('consultation.completed', jsonb_build_object(
            'appointmentId', NEW.appointment_id, 'consultationId', NEW.id, 'status', COALESCE(NEW.end_reason::text, 'ended'),
            'departmentId', NEW.department_id, 'kioskId', NEW.kiosk_id, 'startsAt', NULL, 'endsAt', NULL));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER consultation_webhook AFTER UPDATE OF answered_at, ended_at ON consultation_session
      FOR EACH ROW EXECUTE FUNCTION consultation_webhook()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER consultation_webhook ON consultation_session`);
    await q.query(`DROP TRIGGER appointment_change_webhook ON appointment_change`);
    await q.query(`DROP FUNCTION consultation_webhook(), appointment_change_webhook(), queue_webhook(text, jsonb)`);
    await q.query(`DROP TABLE webhook_delivery, webhook_endpoint, idempotency_record, api_key`);
  }
}
