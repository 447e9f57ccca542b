import type { DataSource } from 'typeorm';
import type { TranscriptLine } from '@madoguchi/contract/captions';

/** Caption text of a call, stored only with the town's setting and the resident's consent. */
export class CaptionTranscriptRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(consultationId: string, consentedAt: Date, lines: TranscriptLine[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO caption_transcript (session_id, consented_at, lines) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (session_id) DO UPDATE SET lines = caption_transcript.lines || EXCLUDED.lines`,
      [consultationId, consentedAt, JSON.stringify(lines)],
    );
  }

  async find(consultationId: string): Promise<{ consentedAt: string; lines: TranscriptLine[] } | null> {
    const rows: { consented_at: Date; lines: TranscriptLine[] }[] = await this.dataSource.query(
      `SELECT consented_at, lines FROM caption_transcript WHERE session_id = $1`,
      [consultationId],
    );
    const row = rows[0];
    return row ? { consentedAt: row.consented_at.toISOString(), lines: row.lines } : null;
  }
}
