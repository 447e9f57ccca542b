#!/usr/bin/env node
// `npm start`: does any missing set-up (node built-ins only until npm ci has run), then runs
// the compiled server in this same process.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureSetup, repoRoot } from './setup/ensure.mjs';

await ensureSetup('start');
// Stack traces name the TypeScript sources (server/dist/main.js.map).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(repoRoot, 'server', 'dist', 'main.js')).href);
