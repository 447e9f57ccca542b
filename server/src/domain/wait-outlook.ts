import type { QueueEntry, WaitOutlook } from '@madoguchi/contract/consultation';

/** A logged-in member with the console open, as the signalling layer sees them. */
export interface StaffPresence {
  id: string;
  role: 'staff' | 'admin';
  /** Staff: their departments (none: the general counter only); admins serve every department. */
  departmentIds?: readonly string[] | undefined;
  /** 「離席中」 on their console. */
  away: boolean;
}

export interface WaitForecast {
  outlook: WaitOutlook;
  /** Only with outlook 'waiting' and some history of call lengths. */
  estimatedWaitSeconds: number | null;
}

/** Who may answer this resident: the same rule as the queue each member sees (queue-scope.ts, mayServe). */
function canServe(member: StaffPresence, entry: QueueEntry): boolean {
  if (member.role === 'admin') return true;
  return entry.departmentId === null || (member.departmentIds ?? []).includes(entry.departmentId);
}

/**
 * What to tell each waiting resident, from who could answer them and who is ahead of them:
 * - nobody: no member who serves this department is online and available;
 * - soon: more of them are free than residents ahead that they could also take;
 * - waiting: everyone who could answer is busy. A busy specialist is on average halfway
 *   through a call, so the first turn costs half a typical call and each further turn (one
 *   per specialist) a whole one. No history of call lengths: no minutes, just the place.
 * The order of `queue` is the order residents are answered in.
 */
export function forecastWaits(
  queue: readonly QueueEntry[],
  staff: readonly StaffPresence[],
  busyStaffIds: ReadonlySet<string>,
  typicalCallSeconds: number | null,
): Map<string, WaitForecast> {
  // One member may have several consoles open: count people, not sockets.
  const members = new Map<string, StaffPresence>();
  for (const member of staff) {
    const known = members.get(member.id);
    // Available on any of their consoles counts.
    if (!known || (known.away && !member.away)) members.set(member.id, member);
  }
  const present = [...members.values()].filter((m) => !m.away);
  const forecasts = new Map<string, WaitForecast>();
  queue.forEach((entry, index) => {
    const capable = present.filter((m) => canServe(m, entry));
    if (capable.length === 0) {
      forecasts.set(entry.consultationId, { outlook: 'nobody', estimatedWaitSeconds: null });
      return;
    }
    const free = capable.filter((m) => !busyStaffIds.has(m.id)).length;
    const ahead = queue.slice(0, index).filter((other) => capable.some((m) => canServe(m, other))).length;
    if (free > ahead) {
      forecasts.set(entry.consultationId, { outlook: 'soon', estimatedWaitSeconds: null });
      return;
    }
    const turns = Math.floor((ahead - free) / capable.length) + 1;
    const estimate = typicalCallSeconds === null ? null : Math.round(typicalCallSeconds * (turns - 0.5));
    forecasts.set(entry.consultationId, { outlook: 'waiting', estimatedWaitSeconds: estimate });
  });
  return forecasts;
}
