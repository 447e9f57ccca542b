import type { EndReason } from '@madoguchi/contract/consultation';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ConsultationRepository } from '../../db/repositories/consultation-repository';
import { AppError } from '../app-error';
import type { WriteRetryQueue } from '../write-retry-queue';

/** Ended calls remembered for the after-call writes (outcome, survey) that may arrive during a database outage. */
const RECENTLY_ENDED_KEPT = 1_000;

/** How long after a call the console still offers its outcome form on its own. */
const UNRECORDED_WINDOW_SECONDS = 30 * 60;

export interface CallParties {
  kioskId: string;
  staffId: string | null;
}

/**
 * What happens after a call: the resident's survey, how a call ended (for an app that comes
 * back), the desk's call still without an outcome, and who took part in the calls that ended
 * here lately (the after-call writes check it without the database).
 */
export class AfterCall {
  private readonly recentlyEnded = new Map<string, CallParties>();

  constructor(
    private readonly consultationRecords: Pick<ConsultationRepository, 'endOf' | 'latestUnrecorded' | 'recordSatisfaction'>,
    private readonly writes: WriteRetryQueue,
    private readonly now: () => Date,
  ) {}

  /** The call just ended on this node; the oldest remembered one is forgotten past the limit. */
  remember(consultationId: string, parties: CallParties): void {
    this.recentlyEnded.set(consultationId, parties);
    if (this.recentlyEnded.size > RECENTLY_ENDED_KEPT) this.recentlyEnded.delete(this.recentlyEnded.keys().next().value ?? '');
  }

  /** Who took part in a call that ended on this node lately (null: not known here). */
  endedLately(consultationId: string): CallParties | null {
    return this.recentlyEnded.get(consultationId) ?? null;
  }

  /** How a consultation the caller took part in ended, as recorded (null while it goes on). */
  async recordedEnd(principal: SocketPrincipal, consultationId: string): Promise<{ consultationId: string; reason: EndReason; answered: boolean } | null> {
    const end = await this.consultationRecords.endOf(consultationId, principal.id);
    return end ? { consultationId, ...end } : null;
  }

  /** Staff back at the console: the call that ended while they were away and still needs its outcome. */
  async unrecordedCallOf(principal: SocketPrincipal): Promise<{ consultationId: string; reason: EndReason; kioskName: string } | null> {
    const row = await this.consultationRecords.latestUnrecorded(principal.id, this.now(), UNRECORDED_WINDOW_SECONDS);
    return row ? { consultationId: row.id, reason: row.reason, kioskName: row.kioskName } : null;
  }

  /**
   * The satisfaction survey: once, by the kiosk that had the call, soon after it ended. While
   * the database is away it waits in the write queue, behind the end of the call.
   */
  async submitSurvey(kioskId: string, consultationId: string, rating: number | null): Promise<void> {
    if (rating === null) return;
    const at = this.now();
    const stored = await this.writes.submitForResult(`survey ${consultationId}`, () => this.consultationRecords.recordSatisfaction(consultationId, kioskId, rating, at));
    if (!stored.queued && !stored.result) throw AppError.invalidState('this consultation cannot take a rating now');
  }
}
