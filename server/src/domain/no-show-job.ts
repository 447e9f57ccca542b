import { createLogger } from '../logging/logger';
import type { AppointmentService } from './appointment-service';

const log = createLogger('no-show-job');

/** Marks overdue appointments as no-shows once a minute. Returns a stop function. */
export function startNoShowJob(appointments: AppointmentService, graceMs: number, intervalMs = 60_000): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    appointments
      .markNoShows(graceMs)
      .catch((error: unknown) => log.error({ err: error }, 'no-show sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
