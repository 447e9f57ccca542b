import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { APPS, firstLoadScripts, mediaChunks } from '../helpers/built-apps';
import { startTestServer, type TestServer } from '../helpers/start-server';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch would decompress the body and hide what was on the wire. */
function get(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

describe('web app delivery: precompressed files, long caching for hashed names, revalidated HTML', () => {
  let server: TestServer;
  before(async () => {
    for (const app of APPS) assert.ok(existsSync(path.join(app.dist, 'index.html')), `${app.name} app is not built (npm test builds it)`);
    server = await startTestServer();
  });
  after(() => server.close());

  for (const app of APPS) {
    it(`${app.name}: every first-load script comes as brotli, gzip or plain by Accept-Encoding, cached for a year`, async () => {
      const scripts = firstLoadScripts(app);
      assert.ok(scripts.length >= 2, `index.html loads the entry and its preloads: ${scripts.join(' ')}`);
      for (const url of scripts) {
        const original = readFileSync(path.join(app.dist, url.slice(app.prefix.length)));
        for (const [accept, expected] of [
          ['gzip, deflate, br, zstd', 'br'],
          ['gzip, deflate', 'gzip'],
          ['br;q=0, gzip', 'gzip'],
          [undefined, undefined],
          ['identity', undefined],
        ] as const) {
          const response = await get(`${server.url}${url}`, accept);
          assert.equal(response.status, 200, url);
          assert.equal(response.headers['content-encoding'], expected, `${url} with Accept-Encoding ${accept}`);
          assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', url);
          assert.match(response.headers['vary'] ?? '', /Accept-Encoding/i, `${url}: caches keep the encodings apart`);
          assert.match(response.headers['content-type'] ?? '', /^(text|application)\/javascript/, url);
          assert.ok(decoded(response).equals(original), `${url} (${expected ?? 'plain'}) decodes to the built file`);
          if (expected && original.length > 4096) assert.ok(response.body.length < original.length * 0.6, `${url}: ${expected} is ${response.body.length} of ${original.length} bytes`);
        }
      }
    });

    it(`${app.name}: index.html is compressed, revalidated on every load and has no render-blocking stylesheet`, async () => {
      const response = await get(`${server.url}${app.prefix}/`, 'br, gzip');
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-encoding'], 'br');
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.match(response.headers['content-type'] ?? '', /^text\/html/);
      assert.ok(response.headers['etag'], 'an ETag makes the revalidation a 304');
      const html = decoded(response).toString('utf8');
      assert.equal(html, readFileSync(path.join(app.dist, 'index.html'), 'utf8'));
      assert.doesNotMatch(html, /<link[^>]+rel="stylesheet"/, 'the entry stylesheet is inlined');
      assert.match(html, /<style>[\s\S]{1000,}<\/style>/, 'the inlined styles are there');
      const again = await new Promise<number>((resolve, reject) => {
        http
          .get(`${server.url}${app.prefix}/`, { headers: { 'accept-encoding': 'br', 'if-none-match': String(response.headers['etag']) } }, (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          })
          .on('error', reject);
      });
      assert.equal(again, 304);
      // A client-side route gets the same document and headers.
      const deep = await get(`${server.url}${app.prefix}/some/route`, 'gzip');
      assert.equal(deep.headers['content-encoding'], 'gzip');
      assert.equal(deep.headers['cache-control'], 'no-cache');
      assert.equal(gunzipSync(deep.body).toString('utf8'), html);
    });

    it(`${app.name}: the mediasoup chunk is not among the first-load scripts`, () => {
      const media = mediaChunks(app);
      assert.equal(media.length, 1, `exactly one chunk carries mediasoup-client: ${media.join(' ')}`);
      assert.ok(!firstLoadScripts(app).some((url) => media.includes(url)), `${media[0]} is not loaded or preloaded by index.html`);
    });
  }

  // Issue 16, item 2: what a first visit downloads before the app runs, as served compressed.
  // gzip is the budget too, for browsers and proxies that do not take brotli.
  for (const [appName, budgetKb] of [['kiosk', 150], ['staff', 100]] as const) {
    it(`${appName}: first-load JavaScript stays within ${budgetKb} KB compressed (brotli and gzip, as sent)`, async () => {
      const app = APPS.find((a) => a.name === appName);
      assert.ok(app);
      for (const encoding of ['br', 'gzip']) {
        let bytes = 0;
        for (const url of firstLoadScripts(app)) {
          const response = await get(`${server.url}${url}`, encoding);
          assert.equal(response.headers['content-encoding'], encoding, url);
          bytes += response.body.length;
        }
        assert.ok(bytes <= budgetKb * 1024, `${appName} first load is ${(bytes / 1024).toFixed(1)} KB with ${encoding}, over ${budgetKb} KB`);
      }
    });
  }

  it('answers a missing hashed file with 404, not with index.html', async () => {
    for (const url of ['/assets/index-00000000.js', '/kiosk/assets/nope.css', '/assets/..%2F..%2Fpackage.json', '/assets/%E0%A4%A']) {
      const response = await get(`${server.url}${url}`, 'br');
      // A malformed escape is refused earlier, with 400 (server/src/http/hardening.ts).
      assert.ok([400, 404].includes(response.status), `${url}: ${response.status}`);
      assert.doesNotMatch(response.body.toString('utf8'), /<html/i, url);
    }
  });
});
