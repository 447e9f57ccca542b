import type { DataSource, Repository } from 'typeorm';
import type { ConsultationEvent, ConsultationEventType } from '@madoguchi/contract/consultation';
import { ConsultationEventEntity, type ConsultationEventRow } from '../entities/consultation-event-entity';

/** The append-only timeline of a consultation (table `session_event`, its old name, kept for stored data). */
export class ConsultationEventRepository {
  private readonly repo: Repository<ConsultationEventRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(ConsultationEventEntity);
  }

  async append(consultationId: string, type: ConsultationEventType, actor: string, details: Record<string, unknown> = {}, at = new Date()): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_event (session_id, at, type, actor, details) VALUES ($1, $2, $3, $4, $5)`,
      [consultationId, at, type, actor, JSON.stringify(details)],
    );
  }

  async listFor(consultationId: string): Promise<ConsultationEvent[]> {
    const rows = await this.repo.find({ where: { consultationId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ at: r.at.toISOString(), type: r.type, actor: r.actor, details: r.details }));
  }
}
