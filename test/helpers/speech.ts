import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The synthetic voice of the caption tests: Debian's espeak-ng with its Klatt formant synthesiser
 * (variant klatt2) at 150 words a minute. espeak-ng's default voice is recognised very badly by
 * Debian's PocketSphinx (about 4 of 34 words of the first six sentences here); klatt2 gave 22 of 34
 * and, over the 20 sentences below, 59 of 106 words (56 %), measured offline through the shipped
 * adapter. The sentences the tests assert on come first: they were recognised whole.
 */
export const ESPEAK_VOICE = ['-v', 'en-us+klatt2', '-s', '150'] as const;

/** English sentences a specialist might say, spoken by espeak-ng at test time. */
export const SENTENCES = [
  'please show me your insurance card',
  'i will check your application',
  'please wait a moment',
  'have a nice day',
  'the office opens at nine in the morning',
  'please place your document under the camera',
  'thank you for waiting',
  'can you hear me',
  'please write your name here',
  'you need one more document',
  'please come back next week',
  'the fee is five hundred yen',
  'do you have any questions',
  'your card will arrive by mail',
  'i will send the form today',
  'please sign at the bottom',
  'thank you very much',
  'the payment is due next month',
  'please bring your bank book',
  'we can help you with that',
] as const;

/** One sentence spoken into a WAV file (espeak-ng's own 22 kHz mono). */
export async function speak(text: string, file: string): Promise<void> {
  await run('espeak-ng', [...ESPEAK_VOICE, '-w', file, text]);
}

export async function speechDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'madoguchi-speech-'));
}

/**
 * One sentence as a 48 kHz mono WAV (what Chromium's fake microphone and an RTP sender take),
 * with `silenceSeconds` of silence after it so a recogniser hears where it ends.
 */
export async function speechWav(dir: string, name: string, text: string, silenceSeconds = 2): Promise<string> {
  const raw = path.join(dir, `${name}-voice.wav`);
  const out = path.join(dir, `${name}.wav`);
  await speak(text, raw);
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
