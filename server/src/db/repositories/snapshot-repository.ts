import type { DataSource } from 'typeorm';
import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';

interface SnapshotRow {
  id: string;
  session_id: string;
  request_id: string;
  taken_at: Date;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  sha256: string;
}

const toInfo = (row: SnapshotRow): SnapshotInfo => ({
  consultationId: row.session_id,
  snapshotId: row.id,
  requestId: row.request_id,
  takenAt: row.taken_at.toISOString(),
  contentType: row.content_type,
  width: row.width,
  height: row.height,
  byteSize: row.byte_size,
  sha256: row.sha256,
});

const COLUMNS = 'id, session_id, request_id, taken_at, content_type, width, height, byte_size, sha256';

export class SnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(input: { consultationId: string; requestId: string; contentType: string; width: number; height: number; sha256: string; content: Buffer }): Promise<SnapshotInfo> {
    const rows: SnapshotRow[] = await this.dataSource.query(
      `INSERT INTO snapshot (session_id, request_id, content_type, width, height, byte_size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [input.consultationId, input.requestId, input.contentType, input.width, input.height, input.content.length, input.sha256, input.content],
    );
    const row = rows[0];
    if (!row) throw new Error('snapshot insert returned nothing');
    return toInfo(row);
  }

  async listFor(consultationId: string): Promise<SnapshotInfo[]> {
    const rows: SnapshotRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM snapshot WHERE session_id = $1 ORDER BY taken_at`, [consultationId]);
    return rows.map(toInfo);
  }

  async content(id: string): Promise<(SnapshotInfo & { content: Buffer }) | null> {
    const rows: (SnapshotRow & { content: Buffer })[] = await this.dataSource.query(`SELECT ${COLUMNS}, content FROM snapshot WHERE id = $1`, [id]);
    const row = rows[0];
    return row ? { ...toInfo(row), content: row.content } : null;
  }
}
