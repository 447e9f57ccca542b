import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { queryPage } from '../../server/src/db/paged-query';
import { AuditLogRepository } from '../../server/src/db/repositories/audit-log-repository';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../helpers/test-database';

const kind = databaseKinds().at(-1) ?? 'embedded';

describe(`list pages: LIMIT and OFFSET from the page, the total from before the cut (${kind} PostgreSQL)`, () => {
  let db: TestDatabase;
  before(async () => {
    db = await openTestDatabase(kind);
  });
  after(() => db?.close());

  const numbers = (page: number, pageSize: number, above = 0) =>
    queryPage(
      db.dataSource,
      `SELECT n, count(*) OVER () AS total FROM generate_series(1, 7) AS n WHERE n > $1 ORDER BY n`,
      [above],
      { page, pageSize },
      (row: { n: number; total: string }) => row.n,
    );

  it('numbers its LIMIT and OFFSET after the query\'s own parameters', async () => {
    assert.deepEqual(await numbers(1, 3), { items: [1, 2, 3], total: 7, page: 1, pageSize: 3 });
    assert.deepEqual(await numbers(2, 3), { items: [4, 5, 6], total: 7, page: 2, pageSize: 3 });
    assert.deepEqual(await numbers(3, 3), { items: [7], total: 7, page: 3, pageSize: 3 });
    assert.deepEqual(await numbers(1, 3, 5), { items: [6, 7], total: 2, page: 1, pageSize: 3 });
  });

  it('a page past the end is empty', async () => {
    assert.deepEqual(await numbers(4, 3), { items: [], total: 0, page: 4, pageSize: 3 });
  });

  it('the audit log pages newest first with its filter applied before the cut', async () => {
    const audit = new AuditLogRepository(db.dataSource);
    const start = Date.parse('2030-01-01T00:00:00Z');
    for (let i = 0; i < 5; i += 1) {
      await audit.record({ actorKind: 'system', actorId: null, action: i % 2 === 0 ? 'staff_created' : 'staff_updated', details: { i } }, new Date(start + i * 1000));
    }
    const first = await audit.list({ page: 1, pageSize: 2, action: 'staff_created' });
    assert.equal(first.total, 3);
    assert.deepEqual(first.items.map((e) => e.details), [{ i: 4 }, { i: 2 }]);
    const second = await audit.list({ page: 2, pageSize: 2, action: 'staff_created' });
    assert.deepEqual(second.items.map((e) => e.details), [{ i: 0 }]);
    assert.equal(second.total, 3);
  });
});
