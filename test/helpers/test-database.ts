import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../server/src/db/data-source';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';

export interface TestDatabase {
  kind: 'embedded' | 'postgres';
  dataSource: DataSource;
  dataDir: string;
  /** Where to connect (with `searchPath` on a shared server): another node's own connection, or a relay's target. */
  url: string;
  searchPath?: string;
  close(): Promise<void>;
  /** Embedded engine only: stop PostgreSQL, stay down for `downMs`, start it again on the same port. */
  restartEngine?(downMs: number): Promise<void>;
}

export type DatabaseKind = TestDatabase['kind'];

/** The engines a test runs against: always the embedded one, and real Postgres when DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env['DATABASE_URL'] ? ['embedded', 'postgres'] : ['embedded'];
}

/**
 * A fresh, migrated database. On a shared Postgres server each test gets its own schema
 * (dropped afterwards); the embedded engine gets its own cluster in a temp dir.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  // A dir the `postgres` user can enter when tests run as root.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-test-'));
  chmodSync(dataDir, 0o755);
  if (kind === 'embedded') {
    const embedded = await startEmbeddedPostgres(dataDir);
    const dataSource = await openDataSource(embedded.url);
    return {
      kind,
      dataSource,
      dataDir,
      url: embedded.url,
      async restartEngine(downMs: number) {
        await embedded.stop();
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await embedded.restart();
      },
      async close() {
        await dataSource.destroy();
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const dataSource = await openDataSource(url, { searchPath: schema });
  return {
    kind,
    dataSource,
    dataDir,
    url,
    searchPath: schema,
    async close() {
      await dataSource.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
