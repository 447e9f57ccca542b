import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live captions (issue 18): a guest of kind `captioner` (要約筆記), and the caption text of a
 * call, kept only when the town enables it and the resident consented on the kiosk.
 */
export class CaptionsSchema1766500000000 implements MigrationInterface {
  name = 'CaptionsSchema1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE guest_link DROP CONSTRAINT IF EXISTS guest_link_kind_check`);
    await q.query(`
      ALTER TABLE guest_link ADD CONSTRAINT guest_link_kind_check
        CHECK (kind IN ('interpreter', 'sign_language', 'department', 'other', 'captioner'))`);
    await q.query(`
      CREATE TABLE caption_transcript (
        session_id uuid PRIMARY KEY REFERENCES consultation_session (id),
        consented_at timestamptz NOT NULL,
        lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caption_transcript`);
    await q.query(`ALTER TABLE guest_link DROP CONSTRAINT IF EXISTS guest_link_kind_check`);
    await q.query(`
      ALTER TABLE guest_link ADD CONSTRAINT guest_link_kind_check
        CHECK (kind IN ('interpreter', 'sign_language', 'department', 'other'))`);
  }
}
