import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const APPS = [
  { name: 'staff', prefix: '', dist: path.resolve('client/dist') },
  { name: 'kiosk', prefix: '/kiosk', dist: path.resolve('kiosk/dist') },
] as const;
export type BuiltApp = (typeof APPS)[number];

/** The scripts index.html makes the browser fetch before the app runs: the entry and its preloads. */
export function firstLoadScripts(app: BuiltApp): string[] {
  const html = readFileSync(path.join(app.dist, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  return urls.filter(Boolean);
}

/**
 * The built chunk files (under /assets/) that carry mediasoup-client, found by its logger's
 * namespace rather than by a chunk name, so a renamed chunk cannot slip past the tests.
 */
export function mediaChunks(app: BuiltApp): string[] {
  const assets = path.join(app.dist, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js') && readFileSync(path.join(assets, file), 'utf8').includes('mediasoup-client'))
    .map((file) => `${app.prefix}/assets/${file}`);
}
