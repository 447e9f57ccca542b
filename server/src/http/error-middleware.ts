import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@madoguchi/contract/errors';
import { AppError, HTTP_STATUS, toAppError } from '../domain/app-error';
import { createLogger } from '../logging/logger';

const log = createLogger('http');

/** The one place where errors become HTTP responses: `{ error: { code, message, details? } }`. */
export function createErrorMiddleware(onError?: (code: ErrorCode) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appError = fromBodyParser(error) ?? toAppError(error);
    onError?.(appError.code);
    if (appError.code === ErrorCode.Internal) log.error({ err: error, path: req.path, requestId: res.locals['requestId'] }, 'request failed');
    if (res.headersSent) return;
    if (appError.code === ErrorCode.RateLimited) {
      const retry = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
    }
    res.status(HTTP_STATUS[appError.code]).json({ error: appError.toBody() });
  };
}

export function notFoundMiddleware(req: Request, _res: Response, next: NextFunction): void {
  next(AppError.notFound(`route ${req.method} ${req.path.slice(0, 100)}`));
}

/**
 * express.json(), express.raw() and the router report bad input with a 4xx status of their
 * own (bad JSON, oversized or undecodable bodies such as a bogus Content-Encoding, bad
 * percent-encoding): all of them are the client's fault, so a 400 in the usual shape.
 */
function fromBodyParser(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (type === 'entity.too.large') return new AppError(ErrorCode.BadRequest, 'request body is too large');
  if (type === 'entity.parse.failed') return new AppError(ErrorCode.BadRequest, 'request body is not valid JSON');
  return new AppError(ErrorCode.BadRequest, 'the request could not be read (body, encoding or address)');
}
