import type { DataSource } from 'typeorm';
import type { QuickPhrase, QuickPhraseTexts } from '@madoguchi/contract/quick-phrases';
import { returnedRows } from '../query-result';

/** Quick phrases and their translations, in the order they were added. */
export class QuickPhraseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<QuickPhrase[]> {
    const rows: { id: string; texts: QuickPhraseTexts }[] = await this.dataSource.query(`SELECT id, texts FROM quick_phrase ORDER BY position`);
    return rows.map((r) => ({ id: r.id, texts: r.texts }));
  }

  async findById(id: string): Promise<QuickPhrase | null> {
    const rows: { id: string; texts: QuickPhraseTexts }[] = await this.dataSource.query(`SELECT id, texts FROM quick_phrase WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async create(texts: QuickPhraseTexts): Promise<QuickPhrase> {
    // Blank translations are left out: the kiosk then shows the Japanese, marked as untranslated.
    const kept = Object.fromEntries(Object.entries(texts).filter(([, text]) => typeof text === 'string' && text.length > 0));
    const rows: { id: string; texts: QuickPhraseTexts }[] = await this.dataSource.query(`INSERT INTO quick_phrase (texts) VALUES ($1) RETURNING id, texts`, [JSON.stringify(kept)]);
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async delete(id: string): Promise<boolean> {
    return returnedRows<{ id: string }>(await this.dataSource.query(`DELETE FROM quick_phrase WHERE id = $1 RETURNING id`, [id])).length > 0;
  }
}
