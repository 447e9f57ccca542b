import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createLogger } from '../logging/logger';
import type { CaptionEngineSpec } from './caption-engine';

const log = createLogger('captions-recogniser');

/** One line of the recogniser protocol's output. Anything else is ignored (and logged once). */
const RecogniserMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).passthrough(),
  z.object({ type: z.enum(['partial', 'final']), text: z.string().max(2_000) }).passthrough(),
]);

/** Restart delays after a crash: quick at first, then every 10 s at most. */
export const RESTART_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000, 10_000] as const;
/** A recogniser that ran this long without crashing starts its back-off from the beginning again. */
const STABLE_AFTER_MS = 30_000;

export type RecogniserEvent = { type: 'partial' | 'final'; text: string };

export interface RecogniserProcessOptions {
  spec: CaptionEngineSpec;
  onText(event: RecogniserEvent): void;
  /** `running` once spawned, `restarting` between a crash and the next start. */
  onState(state: 'running' | 'restarting'): void;
}

/**
 * The recogniser as a child process that is kept alive: PCM written with write() goes to its
 * stdin while it runs and is dropped while it restarts. A crash never reaches the call: it is
 * restarted with a back-off until stop().
 *
 * State machine: idle -> running -> (exit) -> backoff -> running ... -> stopped.
 */
export class RecogniserProcess {
  private child: ChildProcessWithoutNullStreams | null = null;
  private state: 'idle' | 'running' | 'backoff' | 'stopped' = 'idle';
  private restarts = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private warnedBadLine = false;

  constructor(private readonly options: RecogniserProcessOptions) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** How many times it was started again after stopping by itself. */
  get restartCount(): number {
    return this.restarts;
  }

  start(): void {
    if (this.state !== 'idle' && this.state !== 'backoff') return;
    const { spec } = this.options;
    const child = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.state = 'running';
    this.startedAt = Date.now();
    child.stdin.on('error', () => undefined); // EPIPE when it dies mid-write: the exit handler deals with it
    // Not its words: an engine may print what it heard there, and that is the resident's business.
    child.stderr.on('data', (chunk: Buffer) => log.debug({ engine: spec.name, bytes: chunk.length }, 'recogniser wrote to stderr'));
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.on('error', (error) => log.warn({ err: error, engine: spec.name }, 'recogniser could not start'));
    child.on('close', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.state === 'stopped') return;
      if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.restarts = 0;
      const delay = RESTART_DELAYS_MS[Math.min(this.restarts, RESTART_DELAYS_MS.length - 1)] ?? 10_000;
      this.restarts += 1;
      log.warn({ engine: spec.name, code, signal, restartInMs: delay }, 'recogniser stopped; starting it again');
      this.state = 'backoff';
      this.options.onState('restarting');
      this.timer = setTimeout(() => this.start(), delay);
      this.timer.unref();
    });
    this.options.onState('running');
  }

  /** 16 kHz mono s16le PCM. Dropped when the recogniser is not running or cannot keep up. */
  write(pcm: Buffer): void {
    const stdin = this.child?.stdin;
    if (this.state !== 'running' || !stdin || stdin.destroyed) return;
    // More than ~30 s of audio waiting: the engine is too slow; newer speech matters more.
    if (stdin.writableLength > 1_000_000) return;
    stdin.write(pcm);
  }

  stop(): void {
    this.state = 'stopped';
    clearTimeout(this.timer);
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.stdin.end();
    // It should end by itself when stdin closes; one that does not is killed.
    const kill = setTimeout(() => child.kill('SIGKILL'), 2_000);
    kill.unref();
    child.once('close', () => clearTimeout(kill));
  }

  private onLine(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    const message = RecogniserMessage.safeParse(parsed);
    if (!message.success) {
      if (!this.warnedBadLine) log.warn({ engine: this.options.spec.name }, 'recogniser wrote a line outside the protocol (ignored)');
      this.warnedBadLine = true;
      return;
    }
    if (message.data.type === 'ready') return;
    const text = message.data.text.trim();
    if (text) this.options.onText({ type: message.data.type, text });
  }
}
