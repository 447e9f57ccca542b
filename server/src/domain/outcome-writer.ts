import type { OutcomeCode } from '@madoguchi/contract/consultation';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import { AppError } from './app-error';
import type { ConsultationService } from './consultation-service';

export interface OutcomeWriterOptions {
  consultations: ConsultationService;
  consultationRecords: ConsultationRepository;
  audit: AuditLogRepository;
  now: () => Date;
}

/**
 * The outcome staff record right after a call, sent over their socket (already authenticated,
 * so it needs no database to be accepted). If PostgreSQL is away it waits in the record-write
 * queue behind the end of the call and lands, with the time staff pressed 記録, once it is back.
 */
export class OutcomeWriter {
  constructor(private readonly options: OutcomeWriterOptions) {}

  async save(principal: SocketPrincipal, request: { consultationId: string; outcomeCode: OutcomeCode; notes: string }): Promise<{ queued: boolean }> {
    const { consultationId, outcomeCode, notes } = request;
    await this.checkHandledBy(principal, consultationId);
    const at = this.options.now();
    const { writes } = this.options.consultations;
    const saved = await writes.submitForResult(`outcome ${consultationId}`, () => this.options.consultationRecords.recordOutcome(consultationId, outcomeCode, notes, at));
    if (!saved.queued && !saved.result) throw AppError.invalidState('a consultation nobody answered has no outcome');
    await writes.submit(`audit outcome ${consultationId}`, () =>
      this.options.audit.record(
        { actorKind: 'staff', actorId: principal.id, action: 'session_outcome_recorded', targetType: 'session', targetId: consultationId, details: { outcomeCode } },
        at,
      ),
    );
    return { queued: saved.queued };
  }

  /** The member who answered, or an admin. Known without the database for calls that ended here lately. */
  private async checkHandledBy(principal: SocketPrincipal, consultationId: string): Promise<void> {
    if (principal.role === 'admin') return;
    const lately = this.options.consultations.endedLately(consultationId);
    const staffId = lately ? lately.staffId : (await this.options.consultationRecords.findById(consultationId))?.staffId;
    if (staffId === undefined) throw AppError.notFound('consultation');
    if (staffId !== principal.id) throw AppError.forbidden('only the member who handled the consultation, or an admin, can record its outcome');
  }
}
