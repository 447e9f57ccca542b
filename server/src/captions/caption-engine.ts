import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Which speech recogniser the town runs (`CAPTIONS_ENGINE`): `pocketsphinx` (shipped, English
 * only, from Debian's packages) or the absolute path of any program speaking the recogniser
 * protocol of docs/captions.md (PCM on stdin, JSON lines on stdout).
 */
export interface CaptionEngineSpec {
  /** Shown to staff as the source's name. */
  name: string;
  command: string;
  args: string[];
}

export interface CaptionSettings {
  /** CAPTIONS_ENGINE; undefined: no recogniser (a human captioner still works). */
  engine: string | undefined;
  /** CAPTIONS_KEEP_TRANSCRIPT: caption text kept in the record, with the resident's consent. */
  keepTranscript: boolean;
  /** CAPTIONS_FFMPEG: the decoder of the specialist's audio (Debian's ffmpeg). */
  ffmpegPath: string;
  /** How long a captioner's half-typed line waits for its dropped page to come back (tests shorten it). */
  captionerGraceMs?: number;
}

export const DEFAULT_CAPTION_SETTINGS: CaptionSettings = { engine: undefined, keepTranscript: false, ffmpegPath: 'ffmpeg' };

/** What the start-up check found: the engine to run, or why there is none. */
export type EngineCheck = { ok: true; spec: CaptionEngineSpec } | { ok: false; problem: string };

/** Debian's interpreter: python3-pocketsphinx is installed for it, not for another python on the PATH. */
const DEBIAN_PYTHON = '/usr/bin/python3';
const POCKETSPHINX_MODEL = '/usr/share/pocketsphinx/model/en-us';

export function pocketsphinxSpec(repoRoot: string): CaptionEngineSpec {
  return { name: 'pocketsphinx', command: DEBIAN_PYTHON, args: [path.join(repoRoot, 'server', 'captions-engines', 'pocketsphinx-recogniser.py')] };
}

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

/**
 * Run once at start-up: a configured engine that is not installed is said plainly in the log
 * (captions by a human captioner still work), instead of failing in the middle of a call.
 */
export function checkCaptionEngine(settings: CaptionSettings, repoRoot: string): EngineCheck {
  const { engine } = settings;
  if (!engine) return { ok: false, problem: 'CAPTIONS_ENGINE is not set' };
  if (!commandWorks(settings.ffmpegPath, ['-hide_banner', '-version'])) {
    return { ok: false, problem: `ffmpeg (${settings.ffmpegPath}) is missing: sudo apt-get install ffmpeg` };
  }
  if (engine === 'pocketsphinx') {
    const spec = pocketsphinxSpec(repoRoot);
    if (!existsSync(POCKETSPHINX_MODEL) || !commandWorks(DEBIAN_PYTHON, ['-c', 'import pocketsphinx'])) {
      return { ok: false, problem: 'CAPTIONS_ENGINE=pocketsphinx needs Debian packages: sudo apt-get install python3-pocketsphinx pocketsphinx-en-us' };
    }
    return { ok: true, spec };
  }
  if (!path.isAbsolute(engine)) {
    return { ok: false, problem: `CAPTIONS_ENGINE must be "pocketsphinx" or the absolute path of a recogniser program, got "${engine}"` };
  }
  try {
    accessSync(engine, constants.X_OK);
  } catch {
    return { ok: false, problem: `CAPTIONS_ENGINE program ${engine} is missing or not executable` };
  }
  return { ok: true, spec: { name: path.basename(engine), command: engine, args: [] } };
}
