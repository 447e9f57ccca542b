import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The built apps whose pages compare their release with the server's. */
const APP_DISTS = ['client/dist', 'kiosk/dist', 'booking/dist'];

/**
 * The release this node runs: a hash of the built apps' index.html files, which name every
 * content-hashed script and stylesheet, so it is the same on every node built from the same
 * sources and changes whenever an app does. `override` (MADOGUCHI_BUILD_ID) names a release
 * outright, for a build pipeline that has its own id, or for tests.
 */
export function releaseBuildId(rootDir: string, override?: string): string {
  if (override) return override;
  const hash = createHash('sha256');
  let found = 0;
  for (const dist of APP_DISTS) {
    const file = path.join(rootDir, dist, 'index.html');
    if (!existsSync(file)) continue;
    hash.update(`${dist}\0`).update(readFileSync(file)).update('\0');
    found += 1;
  }
  // Without a build (vite dev servers) there is nothing to compare: every node says the same.
  return found === 0 ? 'unbuilt' : hash.digest('hex').slice(0, 16);
}
