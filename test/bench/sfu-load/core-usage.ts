/**
 * Busy time per CPU core from /proc/stat, so a step can tell how much of the worker's core other
 * processes on the machine took while it was measured.
 */
import { readFileSync } from 'node:fs';

export interface CoreTimes {
  busy: number;
  total: number;
}

/** Jiffies per core (empty where /proc is missing). */
export function readCoreTimes(): Map<number, CoreTimes> {
  const cores = new Map<number, CoreTimes>();
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return cores;
  }
  for (const line of stat.split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    // user nice system idle iowait irq softirq steal ...: idle and iowait are the not-busy part.
    const fields = (match[2] ?? '').split(/\s+/).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    cores.set(Number(match[1]), { busy: total - idle, total });
  }
  return cores;
}

/** Percent of `core` that was busy between two readings (NaN when unknown). */
export function coreBusyPercent(before: Map<number, CoreTimes>, after: Map<number, CoreTimes>, core: number): number {
  const start = before.get(core);
  const end = after.get(core);
  if (!start || !end || end.total === start.total) return NaN;
  return (100 * (end.busy - start.busy)) / (end.total - start.total);
}
