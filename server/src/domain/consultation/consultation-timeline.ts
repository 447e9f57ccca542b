import type { ConsultationEventRepository } from '../../db/repositories/consultation-event-repository';
import { createLogger } from '../../logging/logger';
import { KeyedMutex } from '../keyed-mutex';
import type { WriteRetryQueue } from '../write-retry-queue';

const log = createLogger('consultation-timeline');

type EventType = Parameters<ConsultationEventRepository['append']>[1];

/**
 * The record's timeline (queued, answered, joined, left…): each event is stamped when it
 * happened and written through the retry queue, so a database restart delays it but loses none
 * and keeps their order. Writing never holds up the call.
 */
export class ConsultationTimeline {
  /**
   * One consultation's events are written one after another: the timeline is read in insertion
   * order, and two inserts in flight at once (joined, then left a moment later) could land swapped.
   */
  private readonly inOrder = new KeyedMutex();

  constructor(
    private readonly events: Pick<ConsultationEventRepository, 'append'>,
    private readonly writes: WriteRetryQueue,
    private readonly now: () => Date,
  ) {}

  record(consultationId: string, type: EventType, actor: string, details: Record<string, unknown> = {}): void {
    const at = this.now();
    // Held from now, not from its turn: a shutdown waits for the events still queued behind others.
    void this.writes
      .hold(this.inOrder.run(consultationId, () => this.writes.submit(`event ${type}`, () => this.events.append(consultationId, type, actor, details, at))))
      .catch((error: unknown) => log.error({ err: error, consultationId: consultationId, type }, 'could not record a consultation event'));
  }
}
