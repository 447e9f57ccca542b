import type { QueueEntry } from '../contract/consultation';
import type { SocketPrincipal } from '../contract/signalling-events';

/**
 * The waiting residents a member may see: admins and members without departments see all;
 * others see their departments' residents and those at the general counter (no department).
 * Booked residents' names stay within the department that serves them.
 */
export function queueVisibleTo(principal: SocketPrincipal, entries: QueueEntry[]): QueueEntry[] {
  if (principal.role === 'admin' || !principal.departmentIds || principal.departmentIds.length === 0) return entries;
  const mine = new Set(principal.departmentIds);
  return entries.filter((entry) => entry.departmentId === null || mine.has(entry.departmentId));
}
