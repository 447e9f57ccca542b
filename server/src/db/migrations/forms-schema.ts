import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 書かない窓口: versioned form templates, and the documents staff fill in during a call and the
 * resident signs on the kiosk, with the signed PDF kept in the database like snapshots.
 */
export class FormsSchema1766400000000 implements MigrationInterface {
  name = 'FormsSchema1766400000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per version; a version is never changed once written (documents point at it).
    await q.query(`
      CREATE TABLE form_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        department_id uuid REFERENCES department (id),
        definition jsonb NOT NULL,
        created_by uuid REFERENCES staff_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (family_id, version)
      )`);
    await q.query(`CREATE TABLE form_template_family (
        id uuid PRIMARY KEY,
        archived boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE FUNCTION form_template_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'form template versions are never changed; save a new version'; END $$`);
    await q.query(`CREATE TRIGGER form_template_frozen BEFORE UPDATE OR DELETE ON form_template FOR EACH ROW EXECUTE FUNCTION form_template_frozen()`);
    await q.query(`
      CREATE TABLE form_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES consultation_session (id),
        template_id uuid NOT NULL REFERENCES form_template (id),
        kiosk_id uuid NOT NULL REFERENCES kiosk (id),
        staff_id uuid NOT NULL REFERENCES staff_user (id),
        revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        state text NOT NULL CHECK (state IN ('shown', 'correction_asked', 'signed', 'refused', 'withdrawn')),
        field_values jsonb NOT NULL,
        correction_field text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        signed_at timestamptz,
        refused_at timestamptz,
        pdf bytea CHECK (pdf IS NULL OR octet_length(pdf) BETWEEN 1 AND 4194304),
        pdf_sha256 text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
        CHECK ((state = 'signed') = (pdf IS NOT NULL AND pdf_sha256 IS NOT NULL AND signed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX form_document_by_session ON form_document (session_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE form_document`);
    await q.query(`DROP TABLE form_template`);
    await q.query(`DROP TABLE form_template_family`);
    await q.query(`DROP FUNCTION form_template_frozen()`);
  }
}
