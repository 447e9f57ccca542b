import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on Linux x86). */
const TICKS_PER_SECOND = 100;

export type ChromiumProcessKind = 'browser' | 'renderer' | 'gpu' | 'utility' | 'other';

interface ProcessSample {
  pid: number;
  kind: ChromiumProcessKind;
  /** utime + stime, in ticks, since the process started. */
  ticks: number;
  /** Proportional set size in KB (shared pages split between the processes sharing them). */
  pssKb: number;
}

function readStat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function readPss(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function kindOf(pid: number): ChromiumProcessKind {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('--type=')) return 'browser';
    if (cmdline.includes('--type=renderer')) return 'renderer';
    if (cmdline.includes('--type=gpu-process')) return 'gpu';
    if (cmdline.includes('--type=utility')) return 'utility';
    return 'other';
  } catch {
    return 'other';
  }
}

/** The Chromium started with this profile folder and every process below it. */
export function chromiumProcesses(profileDir: string): ProcessSample[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map<number, number>();
  let root: number | null = null;
  for (const pid of all) {
    const stat = readStat(pid);
    if (!stat) continue;
    parents.set(pid, stat.ppid);
    if (root === null) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) root = pid;
      } catch {
        // gone meanwhile
      }
    }
  }
  if (root === null) return [];
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 20; p = parents.get(p), hops += 1) {
      if (p === root) return true;
    }
    return false;
  };
  const samples: ProcessSample[] = [];
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const stat = readStat(pid);
    if (stat) samples.push({ pid, kind: kindOf(pid), ticks: stat.ticks, pssKb: readPss(pid) });
  }
  return samples;
}

export interface BrowserCost {
  /** CPU of the renderer and GPU processes, % of one core. */
  rendererGpuCpu: number;
  /** CPU of every process of the browser (capture and network services, browser process too). */
  allCpu: number;
  /** Mean PSS of renderer and GPU processes over the window, MB. */
  rendererGpuPssMb: number;
  /** Mean PSS of all its processes, MB. */
  allPssMb: number;
}

/**
 * Watches one browser for `seconds`: CPU time from /proc/<pid>/stat deltas per process (a
 * process that starts meanwhile counts from zero), memory as PSS sampled every second.
 */
export async function measureBrowser(profileDir: string, seconds: number): Promise<BrowserCost> {
  const start = new Map(chromiumProcesses(profileDir).map((s) => [s.pid, s.ticks]));
  const last = new Map<number, ProcessSample>();
  const pss: { rendererGpu: number; all: number }[] = [];
  const startedAt = Date.now();
  while (Date.now() - startedAt < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const samples = chromiumProcesses(profileDir);
    for (const sample of samples) last.set(sample.pid, sample);
    const isRendererGpu = (s: ProcessSample): boolean => s.kind === 'renderer' || s.kind === 'gpu';
    pss.push({
      rendererGpu: samples.filter(isRendererGpu).reduce((sum, s) => sum + s.pssKb, 0),
      all: samples.reduce((sum, s) => sum + s.pssKb, 0),
    });
  }
  const elapsed = (Date.now() - startedAt) / 1000;
  let rendererGpuTicks = 0;
  let allTicks = 0;
  for (const sample of last.values()) {
    const delta = sample.ticks - (start.get(sample.pid) ?? 0);
    allTicks += delta;
    if (sample.kind === 'renderer' || sample.kind === 'gpu') rendererGpuTicks += delta;
  }
  const percent = (ticks: number): number => (100 * ticks) / TICKS_PER_SECOND / elapsed;
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length) / 1024;
  return {
    rendererGpuCpu: percent(rendererGpuTicks),
    allCpu: percent(allTicks),
    rendererGpuPssMb: mean(pss.map((p) => p.rendererGpu)),
    allPssMb: mean(pss.map((p) => p.all)),
  };
}
