/**
 * bench:assets — the JavaScript each app makes a browser fetch before it runs (index.html's
 * script and modulepreloads), raw, gzip -9 and brotli q11, plus whether a stylesheet blocks
 * the first paint. BENCH_BEFORE_ROOT=<another checkout> adds its builds as a "before" column.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeBenchSection } from './bench-docs';

interface FirstLoad {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
  blockingStylesheets: number;
  mediaPreloaded: boolean;
}

function measure(dist: string, prefix: string): FirstLoad | null {
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const urls = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const result: FirstLoad = { files: 0, raw: 0, gzip: 0, brotli: 0, blockingStylesheets: (html.match(/<link[^>]+rel="stylesheet"/g) ?? []).length, mediaPreloaded: false };
  for (const url of urls) {
    const bytes = readFileSync(path.join(dist, url.slice(prefix.length)));
    result.files += 1;
    result.raw += bytes.length;
    result.gzip += gzipSync(bytes, { level: 9 }).length;
    result.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    if (bytes.includes('mediasoup-client')) result.mediaPreloaded = true;
  }
  return result;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const apps = [
  { name: 'kiosk (`/kiosk/`)', folder: 'kiosk/dist', prefix: '/kiosk' },
  { name: 'staff login page (`/`)', folder: 'client/dist', prefix: '' },
];

const rows: string[] = [];
for (const app of apps) {
  const roots = [...(process.env['BENCH_BEFORE_ROOT'] ? [['before', process.env['BENCH_BEFORE_ROOT']] as const] : []), ['after', process.cwd()] as const];
  for (const [label, root] of roots) {
    const measured = measure(path.join(root, app.folder), app.prefix);
    if (!measured) continue;
    const row = `| ${app.name} | ${label} | ${measured.files} | ${kb(measured.raw)} | ${kb(measured.gzip)} | ${kb(measured.brotli)} | ${measured.mediaPreloaded ? 'yes' : 'no'} | ${measured.blockingStylesheets} |`;
    rows.push(row);
    console.log(row);
  }
}
const lines = [
  '## bench:assets',
  '',
  `\`npm run bench:assets\` — measured ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}. First-load JavaScript = the entry script and every modulepreload in index.html (KB = 1024 bytes; gzip -9 and brotli q11, as the build precompresses them).`,
  '',
  '| page | build | scripts | raw KB | gzip KB | brotli KB | mediasoup-client in first load | render-blocking stylesheets |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
];
if (process.env['BENCH_WRITE_DOCS'] !== '0') writeBenchSection('assets', lines);
