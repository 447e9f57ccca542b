/**
 * bench:captions — one captioned call through the real SFU, ffmpeg and PocketSphinx: 20 English
 * sentences (espeak-ng's voice, 3 s of silence after each) sent as the specialist's opus microphone
 * in real time; a kiosk socket receives the captions. Reports, per sentence, the time from the
 * end of the spoken sentence to its final caption and from its start to the first partial text;
 * then a captioner typing 40 characters one by one (keystroke sent -> line received at the
 * kiosk); the pipeline's CPU (ffmpeg + recogniser) per captioned call, and peak memory.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CaptionLine } from '@madoguchi/contract/captions';
import type { GuestLink } from '@madoguchi/contract/guests';
import { startCall } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { rtpSpeaker } from '../helpers/rtp-speaker';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';
import { ESPEAK_VOICE, SENTENCES, speak, speechDir, wavSeconds, wordMatch } from '../helpers/speech';
import { startTestServer } from '../helpers/start-server';
import { percentile, writeBenchSection } from './bench-docs';

const run = promisify(execFile);
const SILENCE_S = 3;
const TYPED = '本日はお越しいただきありがとうございます。申請書の書き方をご説明します。';
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds, null once it is gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Peak resident set of a process (VmHWM) in MB, null once it is gone. */
function peakRssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
}

async function join(socket: TestSocket, consultationId: string): Promise<void> {
  const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
  expectOk(await request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
}

/** All sentences in one file with their spoken spans, so one RTP stream carries the whole talk. */
async function buildTalk(dir: string): Promise<{ file: string; spans: { start: number; end: number }[] }> {
  const spans: { start: number; end: number }[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const [i, sentence] of SENTENCES.entries()) {
    const raw = path.join(dir, `s${i}.wav`);
    await speak(sentence, raw);
    const spoken = await wavSeconds(raw);
    spans.push({ start: at, end: at + spoken });
    const padded = path.join(dir, `p${i}.wav`);
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', raw, '-af', `apad=pad_dur=${SILENCE_S}`, '-ar', '48000', '-ac', '1', padded]);
    at += await wavSeconds(padded);
    parts.push(`file '${padded}'`);
  }
  const list = path.join(dir, 'list.txt');
  await run('sh', ['-c', `printf '%s\\n' ${parts.map((p) => `"${p}"`).join(' ')} > ${list}`]);
  const file = path.join(dir, 'talk.wav');
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', file]);
  return { file, spans };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  const dir = await speechDir();
  const talk = await buildTalk(dir);
  const server = await startTestServer({ captions: { engine: 'pocketsphinx' }, ...(process.env['DATABASE_URL'] ? { database: 'postgres' as const } : {}) });
  const call = await startCall(server);
  await join(call.kiosk, call.consultationId);
  await join(call.staff, call.consultationId);
  const room = server.sfu.getRoom(call.consultationId);
  if (!room) throw new Error('no room');
  const staffId = (JSON.parse(Buffer.from(((call.staff.auth as { token: string }).token.split('.')[1] ?? ''), 'base64url').toString('utf8')) as { sub: string }).sub;

  const firstSeen = new Map<string, number>();
  const finals: { line: CaptionLine; at: number }[] = [];
  call.kiosk.on('captionLine', (line) => {
    if (line.source !== 'recogniser') return;
    if (!firstSeen.has(line.lineId)) firstSeen.set(line.lineId, Date.now());
    if (line.final) finals.push({ line, at: Date.now() });
  });

  const speaker = await rtpSpeaker(room, `staff:${staffId}`);
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // the pipeline starts on the new producer
  const workerCpuBefore = (await server.sfu.stats()).workers.reduce((sum, w) => sum + w.cpuMs, 0);
  const nodeCpuBefore = process.cpuUsage();
  const pipelineCpu = new Map<number, { first: number; last: number }>();
  const pipelineRss = new Map<number, number>();
  const processName = new Map<number, string>();
  const sample = (): void => {
    for (const pid of server.app.captions.processIds()) {
      const cpu = cpuSeconds(pid);
      if (cpu === null) continue;
      const seen = pipelineCpu.get(pid);
      pipelineCpu.set(pid, { first: seen?.first ?? cpu, last: cpu });
      if (!processName.has(pid)) {
        try {
          processName.set(pid, readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
        } catch {
          // gone already
        }
      }
      const rss = peakRssMb(pid);
      if (rss !== null) pipelineRss.set(pid, Math.max(rss, pipelineRss.get(pid) ?? 0));
    }
  };
  sample();
  const sampler = setInterval(sample, 500);
  const playing = await speaker.play(talk.file);
  const wallStart = Date.now();
  await playing.done;
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last final
  sample();
  clearInterval(sampler);
  const wallSeconds = (Date.now() - wallStart) / 1000;
  const pipelineSeconds = [...pipelineCpu.values()].reduce((sum, { first, last }) => sum + (last - first), 0);
  const workerCpuMs = (await server.sfu.stats()).workers.reduce((sum, w) => sum + w.cpuMs, 0) - workerCpuBefore;
  const nodeCpu = process.cpuUsage(nodeCpuBefore);

  // Each sentence's final: the first final after its end whose words match it best.
  const finalLatency: number[] = [];
  const partialLatency: number[] = [];
  const matches: number[] = [];
  let missed = 0;
  for (const [i, sentence] of SENTENCES.entries()) {
    const span = talk.spans[i];
    if (!span) continue;
    const startAt = playing.startedAt + span.start * 1000;
    const endAt = playing.startedAt + span.end * 1000;
    const nextStart = playing.startedAt + (talk.spans[i + 1]?.start ?? span.end + SILENCE_S + 5) * 1000;
    const candidates = finals.filter((f) => f.at > startAt && f.at < nextStart + 2_000);
    const best = candidates.sort((a, b) => wordMatch(sentence, b.line.text) - wordMatch(sentence, a.line.text))[0];
    if (!best || wordMatch(sentence, best.line.text) === 0) {
      missed += 1;
      console.log(`no caption matched "${sentence}"; finals in its window: ${JSON.stringify(candidates.map((f) => f.line.text))}`);
      continue;
    }
    matches.push(wordMatch(sentence, best.line.text));
    finalLatency.push(best.at - endAt);
    const first = firstSeen.get(best.line.lineId);
    if (first !== undefined) partialLatency.push(first - startAt);
  }

  // A captioner types one character every 100 ms; each keystroke's line reaches the kiosk.
  const staffToken = (await loginStaff(server.url, server.demo.staffLoginId, server.demo.staffPassword)).accessToken;
  const link = expectStatus(
    await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '要約筆記者', kind: 'captioner' } }),
    201,
  );
  const captioner = await connectSocket(server.url, guestTokenOf(link));
  await join(captioner, call.consultationId);
  const lineId = '0b1c8d5e-2f3a-4b6c-8d9e-0f1a2b3c4d5e';
  const sentAt = new Map<number, number>();
  const keystroke: number[] = [];
  call.kiosk.on('captionLine', (line) => {
    if (line.lineId !== lineId) return;
    const sent = sentAt.get(line.text.length);
    if (sent !== undefined) keystroke.push(Date.now() - sent);
  });
  for (let n = 1; n <= TYPED.length; n += 1) {
    sentAt.set(n, Date.now());
    expectOk(await request(captioner, 'captionInput', { consultationId: call.consultationId, lineId, text: TYPED.slice(0, n), final: n === TYPED.length }));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));

  const workerRssMb = Math.max(...(await server.sfu.stats()).workers.map((w) => w.maxRssKb / 1024));
  const nodeRssMb = process.resourceUsage().maxRSS / 1024;
  speaker.stop();
  captioner.close();
  call.close();
  await server.close();

  const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  const ms = (v: number): string => `${Math.round(v)} ms`;
  const lines = [
    `\`npm run bench:captions\` — measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores; load average before ${loadBefore}, at the end \`${uptime}\`.`,
    `One captioned call: ${SENTENCES.length} English sentences (espeak-ng ${ESPEAK_VOICE.join(' ')}; ${SILENCE_S} s of silence after each) sent in real time as the specialist's opus microphone (ffmpeg -re into a plain RTP producer of the staff peer), captioned by the shipped engine (PocketSphinx 5prealpha, en-us) through the SFU audio tap and ffmpeg; latencies measured at a kiosk Socket.IO client in the same process (same clock), from the sentence's end (start) in the sent file, so ffmpeg's start-up counts against the figures.`,
    '',
    '| figure | p50 | p95 | n |',
    '|---|---|---|---|',
    `| end of spoken sentence -> final caption at the kiosk | ${ms(percentile(finalLatency, 50))} | ${ms(percentile(finalLatency, 95))} | ${finalLatency.length} of ${SENTENCES.length} (${missed} without a matching caption) |`,
    `| start of sentence -> first partial text at the kiosk | ${ms(percentile(partialLatency, 50))} | ${ms(percentile(partialLatency, 95))} | ${partialLatency.length} |`,
    `| captioner keystroke -> line at the kiosk | ${ms(percentile(keystroke, 50))} | ${ms(percentile(keystroke, 95))} | ${keystroke.length} keystrokes |`,
    '',
    `Word match of the final captions (share of each sentence's words found): mean ${(matches.reduce((a, b) => a + b, 0) / Math.max(1, matches.length)).toFixed(2)}, min ${Math.min(...matches).toFixed(2)}.`,
    `CPU of the caption pipeline (ffmpeg decoder + recogniser) over ${wallSeconds.toFixed(0)} s of talk: ${pipelineSeconds.toFixed(1)} CPU-s = ${((pipelineSeconds / wallSeconds) * 100).toFixed(1)} % of one core per captioned call. Side by side in the same run: the mediasoup worker ${((workerCpuMs / 1000 / wallSeconds) * 100).toFixed(1)} % (whole call, tap included), the Node process (server and the bench's sockets) ${(((nodeCpu.user + nodeCpu.system) / 1e6 / wallSeconds) * 100).toFixed(1)} %.`,
    `Peak RSS: ${[...pipelineRss.entries()].map(([pid, v]) => `${processName.get(pid) === 'ffmpeg' ? 'ffmpeg' : 'recogniser'} ${v.toFixed(0)} MB`).join(', ') || 'n/a'}; mediasoup worker ${workerRssMb.toFixed(0)} MB; Node process ${nodeRssMb.toFixed(0)} MB.`,
  ];
  console.log(lines.join('\n'));
  if (process.env['BENCH_WRITE_DOCS'] !== '0') writeBenchSection('captions', lines);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
