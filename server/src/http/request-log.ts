import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { createLogger } from '../logging/logger';

const log = createLogger('http');
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (a proxy's X-Request-Id if it looks sane), echoes it back, and logs
 * method, route, status and time. Never the query string or body: they can hold personal data.
 */
export function requestLog(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.locals['requestId'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const started = performance.now();
  res.on('finish', () => {
    const entry = { requestId, method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? req.path.split('/').slice(0, 3).join('/'), status: res.statusCode, ms: Math.round(performance.now() - started) };
    if (res.statusCode >= 500) log.warn(entry, 'request');
    else log.debug(entry, 'request');
  });
  next();
}
