import pino, { type Logger } from 'pino';
import { serializeError } from './error-serializer';

/**
 * Structured logs with personal data and secrets redacted by path. Names, login ids,
 * passwords and tokens never reach a log line.
 */
const redact = {
  paths: [
    'password',
    '*.password',
    'token',
    '*.token',
    'accessToken',
    '*.accessToken',
    'credential',
    '*.credential',
    'displayName',
    '*.displayName',
    'loginId',
    '*.loginId',
    // Defence in depth: a database error's SQL and values never pass (see error-serializer).
    'query',
    '*.query',
    'parameters',
    '*.parameters',
    'req.headers.authorization',
    'req.headers.cookie',
  ],
  censor: '[redacted]',
};

const root: Logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info', redact, base: undefined, serializers: { err: serializeError } });
const children: Logger[] = [];

/** Applies the configured level to every module logger, including ones made before. */
export function configureLogging(level: string): void {
  root.level = level;
  for (const child of children) child.level = level;
}

/** One logger per module, with its context bound in. */
export function createLogger(module: string): Logger {
  const child = root.child({ module });
  children.push(child);
  return child;
}
