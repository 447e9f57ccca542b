import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@madoguchi/contract/pagination';

/**
 * One page of a list query. `sql` selects `count(*) OVER () AS total` (the count before the
 * page is cut, so one round trip answers both) and has no LIMIT: the page's LIMIT and OFFSET
 * are added here as the two parameters after `params`.
 */
export async function queryPage<Row extends { total?: string | number }, Item>(
  db: DataSource | EntityManager,
  sql: string,
  params: readonly unknown[],
  paging: { page: number; pageSize: number },
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const rows: Row[] = await db.query(`${sql}\n LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    paging.pageSize,
    (paging.page - 1) * paging.pageSize,
  ]);
  return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0), page: paging.page, pageSize: paging.pageSize };
}
