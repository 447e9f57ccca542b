import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built staff app at / and the kiosk app at /kiosk/, each with its index.html as
 * the fallback for client-side routes. Without a build, says how to make one.
 */
export function createStaticAppsRouter(rootDir: string): Router {
  const router = Router();
  mount(router, '/kiosk', path.join(rootDir, 'kiosk', 'dist'));
  mount(router, '/', path.join(rootDir, 'client', 'dist'));
  return router;
}

function mount(router: Router, prefix: string, dist: string): void {
  const index = path.join(dist, 'index.html');
  router.use(prefix, express.static(dist, { index: false, maxAge: '1h', fallthrough: true }));
  router.get(prefix === '/' ? /^\/(?!api\/|socket\.io\/|kiosk(\/|$)).*/ : /^\/kiosk(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('アプリがまだビルドされていません。 npm run build を実行してください。');
      return;
    }
    res.set('Cache-Control', 'no-store').sendFile(index);
  });
}
