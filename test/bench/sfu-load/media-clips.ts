/**
 * Short VP8 and opus clips, encoded once by ffmpeg into a cache folder and read back as frames:
 * VP8 from IVF, opus from Ogg. The load generator replays them as RTP.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export type ClipName = 'camera720' | 'document1080' | 'voice';

export interface MediaClip {
  name: ClipName;
  kind: 'audio' | 'video';
  frames: Buffer[];
  frameDurationMs: number;
  /** RTP timestamp step per frame. */
  timestampStep: number;
  /** Average bitrate of the encoded frames, in bits per second. */
  bitrate: number;
}

const CLIP_SECONDS = 10;

/**
 * One key frame at the start of each clip (a GOP longer than the clip): browsers send key
 * frames on request, not on a timer, so a loop of the clip has one key frame per 10 s.
 */
const VIDEO_ARGS = (size: string, bitrate: string): string[] => [
  '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30`, '-t', String(CLIP_SECONDS),
  '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-threads', '2',
  '-b:v', bitrate, '-minrate', bitrate, '-maxrate', bitrate,
  '-g', '600', '-keyint_min', '600', '-lag-in-frames', '0', '-auto-alt-ref', '0', '-f', 'ivf',
];

const CLIP_ARGS: Record<ClipName, { file: string; args: string[] }> = {
  camera720: { file: 'camera720.ivf', args: VIDEO_ARGS('1280x720', '1500k') },
  document1080: { file: 'document1080.ivf', args: VIDEO_ARGS('1920x1080', '2500k') },
  voice: {
    file: 'voice.ogg',
    args: [
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', String(CLIP_SECONDS),
      '-c:a', 'libopus', '-b:a', '32k', '-vbr', 'off', '-frame_duration', '20', '-application', 'voip', '-f', 'ogg',
    ],
  },
};

/** Encodes the clips that are not cached yet (in parallel) and loads all of them. */
export async function loadClips(): Promise<Record<ClipName, MediaClip>> {
  const key = createHash('sha256').update(JSON.stringify(CLIP_ARGS)).digest('hex').slice(0, 12);
  const folder = path.join(tmpdir(), `madoguchi-bench-sfu-${key}`);
  mkdirSync(folder, { recursive: true });
  const names = Object.keys(CLIP_ARGS) as ClipName[];
  await Promise.all(
    names.map(async (name) => {
      const { file, args } = CLIP_ARGS[name];
      const target = path.join(folder, file);
      if (existsSync(target)) return;
      const partial = `${target}.partial`;
      await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, partial]);
      renameSync(partial, target);
    }),
  );
  const load = (name: ClipName): MediaClip => {
    const data = readFileSync(path.join(folder, CLIP_ARGS[name].file));
    return name === 'voice' ? audioClip(name, readOggPackets(data).slice(2)) : videoClip(name, readIvfFrames(data));
  };
  return { camera720: load('camera720'), document1080: load('document1080'), voice: load('voice') };
}

function videoClip(name: ClipName, frames: Buffer[]): MediaClip {
  const bytes = frames.reduce((sum, frame) => sum + frame.length, 0);
  const seconds = (frames.length * 1000) / 30 / 1000;
  return { name, kind: 'video', frames, frameDurationMs: 1000 / 30, timestampStep: 3000, bitrate: (bytes * 8) / seconds };
}

function audioClip(name: ClipName, frames: Buffer[]): MediaClip {
  const bytes = frames.reduce((sum, frame) => sum + frame.length, 0);
  return { name, kind: 'audio', frames, frameDurationMs: 20, timestampStep: 960, bitrate: (bytes * 8) / (frames.length * 0.02) };
}

/** IVF: a 32-byte file header, then per frame a 12-byte header (size LE32, pts LE64) and the data. */
function readIvfFrames(data: Buffer): Buffer[] {
  if (data.toString('latin1', 0, 4) !== 'DKIF') throw new Error('not an IVF file');
  const frames: Buffer[] = [];
  let offset = data.readUInt16LE(6);
  while (offset + 12 <= data.length) {
    const size = data.readUInt32LE(offset);
    frames.push(data.subarray(offset + 12, offset + 12 + size));
    offset += 12 + size;
  }
  return frames;
}

/** Ogg: pages of segments; a packet ends at the first segment shorter than 255 bytes. */
function readOggPackets(data: Buffer): Buffer[] {
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  while (offset + 27 <= data.length) {
    if (data.toString('latin1', offset, offset + 4) !== 'OggS') throw new Error('bad Ogg page');
    const segments = data[offset + 26] ?? 0;
    let body = offset + 27 + segments;
    for (let i = 0; i < segments; i += 1) {
      const lacing = data[offset + 27 + i] ?? 0;
      pending.push(data.subarray(body, body + lacing));
      body += lacing;
      if (lacing < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    offset = body;
  }
  return packets;
}
