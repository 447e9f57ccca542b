import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { QueueScope } from './room-names';

/**
 * Whose waiting residents a principal may see: admins all; a member their departments'
 * residents and those at the general counter (no department); a member of no department the
 * general counter only. Kiosks and guests see no queue at all (null).
 */
export function queueScopeOf(principal: SocketPrincipal): QueueScope | null {
  if (principal.role === 'admin') return { kind: 'all' };
  if (principal.role === 'staff') return { kind: 'departments', departmentIds: principal.departmentIds ?? [] };
  return null;
}

export function entriesInScope(scope: QueueScope | null, entries: QueueEntry[]): QueueEntry[] {
  if (!scope) return [];
  if (scope.kind === 'all') return entries;
  const mine = new Set(scope.departmentIds);
  return entries.filter((entry) => entry.departmentId === null || mine.has(entry.departmentId));
}

export function queueVisibleTo(principal: SocketPrincipal, entries: QueueEntry[]): QueueEntry[] {
  return entriesInScope(queueScopeOf(principal), entries);
}

/** Whether this principal may answer a resident waiting for this department (null: general counter). */
export function mayServe(principal: SocketPrincipal, departmentId: string | null): boolean {
  const scope = queueScopeOf(principal);
  if (!scope) return false;
  return scope.kind === 'all' || departmentId === null || scope.departmentIds.includes(departmentId);
}
