import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * English sentences a specialist might say, spoken by Debian's flite (voice slt) at test time.
 * flite rather than espeak-ng: Debian's PocketSphinx recognises flite's voice well and
 * espeak-ng's badly (3 of 7 words of the first sentence; see docs/captions.md).
 */
export const SENTENCES = [
  'thank you for waiting',
  'please show me your insurance card',
  'please place your document under the camera',
  'the office opens at nine in the morning',
  'can you hear me',
  'please write your name here',
  'i will check your application',
  'you need one more document',
  'please come back next week',
  'the fee is five hundred yen',
  'do you have any questions',
  'please wait a moment',
  'your card will arrive by mail',
  'i will send the form today',
  'please sign at the bottom',
  'thank you very much',
  'the payment is due next month',
  'please bring your bank book',
  'we can help you with that',
  'have a nice day',
] as const;

export async function speechDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'madoguchi-speech-'));
}

/**
 * One sentence as a 48 kHz mono WAV (what Chromium's fake microphone and an RTP sender take),
 * with `silenceSeconds` of silence after it so a recogniser hears where it ends.
 */
export async function speechWav(dir: string, name: string, text: string, silenceSeconds = 2): Promise<string> {
  const raw = path.join(dir, `${name}-flite.wav`);
  const out = path.join(dir, `${name}.wav`);
  await run('flite', ['-voice', 'slt', '-t', text, '-o', raw]);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', raw, '-af', `apad=pad_dur=${silenceSeconds}`, '-ar', '48000', '-ac', '1', out]);
  return out;
}

/**
 * Several sentences in one WAV, each followed by its silence, so one RTP stream carries them all
 * (a new sender for each would restart the RTP timestamps, which a real microphone never does).
 */
export async function speechTalk(dir: string, name: string, parts: { text: string; silenceSeconds: number }[]): Promise<string> {
  const files: string[] = [];
  for (const [i, part] of parts.entries()) files.push(await speechWav(dir, `${name}-${i}`, part.text, part.silenceSeconds));
  const out = path.join(dir, `${name}.wav`);
  const inputs = files.flatMap((file) => ['-i', file]);
  const filter = `${files.map((_, i) => `[${i}:a]`).join('')}concat=n=${files.length}:v=0:a=1`;
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', filter, '-ar', '48000', '-ac', '1', out]);
  return out;
}

/** Duration of a WAV file in seconds (ffprobe). */
export async function wavSeconds(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
}

/** Share of the expected words found in the recognised text (each word counted once). */
export function wordMatch(expected: string, recognised: string): number {
  const heard = new Set(recognised.toLowerCase().split(/\s+/).filter(Boolean));
  const words = expected.toLowerCase().split(/\s+/).filter(Boolean);
  return words.filter((word) => heard.has(word)).length / words.length;
}
