#!/usr/bin/env node
// `npm run setup`: the set-up alone, without starting anything. `npm run setup -- --test` also
// installs what the tests need (Chromium, ffmpeg, Catch2). `npm start` and `npm test` run the
// same steps themselves; each step is skipped when its stamp says it is done.
// --check-packages-only stops after the Debian packages (for scripts that want only that check).
import { ensureSetup } from './setup/ensure.mjs';

const packagesOnly = process.argv.includes('--check-packages-only');
await ensureSetup(process.argv.includes('--test') ? 'test' : 'start', { packagesOnly });
if (!packagesOnly) console.log('[setup] Start with: npm start    Test with: npm test');
