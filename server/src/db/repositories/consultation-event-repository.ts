import type { DataSource, Repository } from 'typeorm';
import type { SessionEvent, SessionEventType } from '@madoguchi/contract/consultation';
import { SessionEventEntity, type SessionEventRow } from '../entities/session-event-entity';

/** The append-only timeline of a consultation (table `session_event`, its old name, kept for stored data). */
export class ConsultationEventRepository {
  private readonly repo: Repository<SessionEventRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(SessionEventEntity);
  }

  async append(sessionId: string, type: SessionEventType, actor: string, details: Record<string, unknown> = {}, at = new Date()): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_event (session_id, at, type, actor, details) VALUES ($1, $2, $3, $4, $5)`,
      [sessionId, at, type, actor, JSON.stringify(details)],
    );
  }

  async listFor(sessionId: string): Promise<SessionEvent[]> {
    const rows = await this.repo.find({ where: { sessionId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ at: r.at.toISOString(), type: r.type, actor: r.actor, details: r.details }));
  }
}
