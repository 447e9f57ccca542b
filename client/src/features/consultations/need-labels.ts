import type { AppointmentNeeds } from '@madoguchi/contract/appointments';
import { messages } from '../../i18n/messages';

/** The booked support needs as words (聴覚支援, 車いす…), the free-text one last. */
export function needLabels(needs: AppointmentNeeds | null): string[] {
  if (!needs) return [];
  const labels = (['interpreter', 'hearingSupport', 'wheelchair'] as const).filter((need) => needs[need]).map((need) => messages.queue.needs[need]);
  if (needs.other) labels.push(needs.other);
  return labels;
}
