import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Build-time help for fast first loads, shared by the staff and kiosk builds:
 * - the entry stylesheet goes into index.html as a <style> element, so no stylesheet request
 *   blocks the first paint (the CSP allows inline styles; the file is small);
 * - every text file gets .br and .gz siblings at maximum compression, which the server sends
 *   as they are (server/src/http/static-apps.ts) instead of compressing on each request.
 */
export function assetDelivery(): Plugin[] {
  return [inlineEntryStylesheet(), precompress()];
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
const MIN_BYTES = 512;

function inlineEntryStylesheet(): Plugin {
  return {
    name: 'madoguchi:inline-entry-stylesheet',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let source = String(html.source);
      const link = /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g;
      source = source.replace(link, (tag, href: string) => {
        const fileName = Object.keys(bundle).find((name) => href.endsWith(`/${name}`));
        const asset = fileName ? bundle[fileName] : undefined;
        if (!fileName || !asset || asset.type !== 'asset') return tag;
        // Lazily loaded chunks never reference the entry stylesheet, so its file can go.
        delete bundle[fileName];
        return `<style>${String(asset.source).replaceAll('</style', '<\\/style')}</style>`;
      });
      html.source = source;
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'madoguchi:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
        const raw = readFileSync(file);
        const brotli = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gzip = gzipSync(raw, { level: 9 });
        // A "compressed" copy that is not smaller would only cost the client time.
        if (brotli.length < raw.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < raw.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}
