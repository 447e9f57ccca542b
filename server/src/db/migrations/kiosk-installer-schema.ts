import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Installer mode: an admin issues a one-time code for one kiosk; typed on that kiosk it opens
 * the device set-up for a while, in which the kiosk may save its own cameras.
 */
export class KioskInstallerSchema1765400000001 implements MigrationInterface {
  name = 'KioskInstallerSchema1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE kiosk
        ADD COLUMN installer_code_hash text,
        ADD COLUMN installer_code_expires_at timestamptz,
        ADD COLUMN installer_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kiosk DROP COLUMN installer_code_hash, DROP COLUMN installer_code_expires_at, DROP COLUMN installer_until`);
  }
}
