import { existsSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { chooseEncoding, type Encoding } from './content-encoding';

/** Hashed file names (`/assets/index-3f9a1c2b.js`) never change content: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: revalidate it on every load (ETag makes that cheap). */
const REVALIDATE = 'no-cache';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Serves the built staff app at /, the kiosk app at /kiosk/ and the residents' booking page at /book/, each with its index.html as
 * the fallback for client-side routes. The build leaves .br and .gz copies beside each text
 * file (client/build/asset-delivery.ts); the best one the browser accepts is sent as it is.
 * Without a build, says how to make one.
 */
export function createStaticAppsRouter(rootDir: string, options: { bookingOnly?: boolean } = {}): Router {
  const router = Router();
  mount(router, '/book', path.join(rootDir, 'booking', 'dist'));
  if (options.bookingOnly) {
    // An internet-side node: the staff and kiosk apps are not even served.
    router.get('/', (_req, res) => res.redirect(302, '/book/'));
    return router;
  }
  mount(router, '/kiosk', path.join(rootDir, 'kiosk', 'dist'));
  mount(router, '/', path.join(rootDir, 'client', 'dist'));
  return router;
}

function mount(router: Router, prefix: string, dist: string): void {
  const base = prefix === '/' ? '' : prefix;
  // A missing hashed file is a 404, never index.html (which a browser would try to run as a script).
  router.get(new RegExp(`^${base}/assets/[^/]+$`), (req, res, next) => {
    const relative = fileNameIn(req.path);
    if (!relative || !existsSync(path.join(dist, 'assets', relative))) {
      res.status(404).type('text/plain; charset=utf-8').set('Cache-Control', REVALIDATE).send('not found');
      return;
    }
    sendStatic(req, res, dist, `assets/${relative}`, IMMUTABLE, next);
  });
  // Other files at the top of the build (icons and the like) keep their names across builds.
  router.get(new RegExp(`^${base}/[^/]+\\.[a-z0-9]+$`), (req, res, next) => {
    const relative = fileNameIn(req.path);
    if (!relative || relative === 'index.html' || !existsSync(path.join(dist, relative))) {
      next();
      return;
    }
    sendStatic(req, res, dist, relative, REVALIDATE, next);
  });
  router.get(prefix === '/' ? /^\/(?!api\/|socket\.io\/|kiosk(\/|$)|book(\/|$)).*/ : new RegExp(`^${base}(\\/.*)?$`), (req, res, next) => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      res.status(503).type('text/plain; charset=utf-8').send('アプリがまだビルドされていません。 npm run build を実行してください。');
      return;
    }
    sendStatic(req, res, dist, 'index.html', REVALIDATE, next);
  });
}

/** The last path segment, decoded; undefined for anything that could leave the folder. */
function fileNameIn(requestPath: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(requestPath.slice(requestPath.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
  return name !== '' && !name.startsWith('.') && !/[/\\\0]/.test(name) ? name : undefined;
}

function sendStatic(req: Request, res: Response, dist: string, relative: string, cacheControl: string, next: (error?: unknown) => void): void {
  const available = (Object.keys(SUFFIX) as Encoding[]).filter((encoding) => existsSync(path.join(dist, relative + SUFFIX[encoding])));
  const encoding = chooseEncoding(req.headers['accept-encoding'], available);
  // The type is the original file's, whichever copy is sent.
  res.type(path.extname(relative));
  if (available.length > 0) res.vary('Accept-Encoding');
  if (encoding) res.set('Content-Encoding', encoding);
  res.sendFile(relative + (encoding ? SUFFIX[encoding] : ''), { root: dist, dotfiles: 'ignore', cacheControl: false, headers: { 'Cache-Control': cacheControl } }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}
