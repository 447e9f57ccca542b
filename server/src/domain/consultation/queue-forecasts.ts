import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { ConsultationRepository } from '../../db/repositories/consultation-repository';
import { createLogger } from '../../logging/logger';
import type { ConsultationNotifier } from '../consultation-notifier';
import { kioskPeer } from '../room-names';
import { forecastWaits, type StaffPresence } from '../wait-outlook';

const log = createLogger('queue-forecasts');

/** Call lengths change slowly: the median is read from the records at most once a minute. */
const CALL_LENGTH_TTL_MS = 60_000;

export interface QueueForecastOptions {
  consultationRecords: Pick<ConsultationRepository, 'recentDurations'>;
  notifier: Pick<ConsultationNotifier, 'toPeers'>;
  /** Members with a console open; none known without it. */
  staffPresence?: () => Promise<StaffPresence[]>;
}

/**
 * Tells each waiting kiosk its place in the queue and what to expect (who could answer, about
 * how long), from who is online, who is busy and how long calls lately took.
 */
export class QueueForecasts {
  private callLengthCache: { at: number; value: number | null } | null = null;

  constructor(private readonly options: QueueForecastOptions) {}

  /** `busyStaffIds`: members in an answered call now. */
  async send(queue: QueueEntry[], busyStaffIds: ReadonlySet<string>): Promise<void> {
    if (queue.length === 0) return;
    const [typical, staff] = await Promise.all([
      this.typicalCallSeconds(),
      (this.options.staffPresence?.() ?? Promise.resolve([])).catch((error: unknown) => {
        log.warn({ err: error }, 'could not read who is online; forecasts say nobody');
        return [];
      }),
    ]);
    const forecasts = forecastWaits(queue, staff, busyStaffIds, typical);
    queue.forEach((entry, index) => {
      const forecast = forecasts.get(entry.consultationId) ?? { outlook: 'waiting', estimatedWaitSeconds: null };
      this.options.notifier.toPeers([kioskPeer(entry.kioskId)], 'queuePosition', { consultationId: entry.consultationId, position: index + 1, ...forecast });
    });
  }

  /** The median length of the last 50 answered calls (at least 5 of them). */
  private async typicalCallSeconds(): Promise<number | null> {
    if (this.callLengthCache && Date.now() - this.callLengthCache.at < CALL_LENGTH_TTL_MS) return this.callLengthCache.value;
    const lengths = await this.options.consultationRecords.recentDurations(50).catch(() => []);
    const sorted = [...lengths].sort((a, b) => a - b);
    const value = sorted.length >= 5 ? (sorted[Math.floor(sorted.length / 2)] ?? null) : null;
    this.callLengthCache = { at: Date.now(), value };
    return value;
  }
}
