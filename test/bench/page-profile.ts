import type { CDPSession, Page } from 'playwright-core';

/** A V8 CPU profile as the DevTools protocol returns it (the parts read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Samples a page's JavaScript (the DevTools protocol's Profiler) so bench:join can say what the page's one thread
 * did between the accept and its first frame. Sampling every 0.5 ms costs a little CPU itself: only with BENCH_PROFILE.
 */
export class PageProfiler {
  /** Date.now() when the profiler was asked to start: its first timestamp is taken as this instant (a few ms off at most). */
  private startedAt = 0;

  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<PageProfiler> {
    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 500 });
    return new PageProfiler(session);
  }

  async start(): Promise<void> {
    const before = Date.now();
    await this.session.send('Profiler.start');
    this.startedAt = (before + Date.now()) / 2;
  }

  /**
   * Stops and sums the self time per function between two epoch times (ms): the top `limit` lines, each
   * "ms function file:line:column". Profile times are microseconds of a monotonic clock, mapped to epoch from the start.
   */
  async stop(fromEpochMs: number, untilEpochMs: number, limit = 12): Promise<string> {
    const { profile } = (await this.session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const offsetMs = this.startedAt - profile.startTime / 1000;
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const self = new Map<string, number>();
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i += 1) {
      at += profile.timeDeltas[i] ?? 0;
      const epoch = at / 1000 + offsetMs;
      if (epoch < fromEpochMs || epoch > untilEpochMs) continue;
      const frame = byId.get(profile.samples[i] ?? -1);
      if (!frame) continue;
      const file = frame.url.split('/').pop() ?? '';
      const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
      const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      self.set(key, (self.get(key) ?? 0) + delta);
    }
    const busy = [...self.entries()].filter(([key]) => !key.startsWith('(idle)')).reduce((sum, [, ms]) => sum + ms, 0);
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
    return [`busy ${busy.toFixed(0)} ms`, ...top.map(([key, ms]) => `${ms.toFixed(1).padStart(6)} ${key}`)].join('\n    ');
  }
}
