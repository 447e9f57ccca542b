/**
 * How an error is written to the log. A database error carries the failed SQL and its
 * parameters (residents' names, check-in codes, login ids, password hashes, notes), and
 * PostgreSQL's detail repeats the values ("Key (login_id)=(sato) already exists"): only the
 * fields below are kept, and quoted values in a database message are blanked.
 */
const SAFE_FIELDS = ['code', 'constraint', 'table', 'column', 'routine', 'severity', 'status', 'statusCode', 'type', 'errno', 'syscall'] as const;
const MAX_DEPTH = 3;

/** A PostgreSQL error (or TypeORM's wrapper of one) has a five-character SQLSTATE. */
const isDatabaseError = (error: Record<string, unknown>): boolean =>
  error['name'] === 'QueryFailedError' || (typeof error['code'] === 'string' && /^[0-9A-Z]{5}$/.test(error['code']) && 'severity' in error);

const blankQuoted = (text: string): string => text.replace(/"[^"]*"/g, '"…"').replace(/\([^()]*\)=\([^()]*\)/g, '(…)=(…)');

export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const source = value as unknown as Record<string, unknown>;
  const driver = source['driverError'] instanceof Error ? (source['driverError'] as unknown as Record<string, unknown>) : undefined;
  const database = isDatabaseError(source) || (driver !== undefined && isDatabaseError(driver));
  const clean = (text: string | undefined): string | undefined => (text === undefined ? undefined : database ? blankQuoted(text) : text);
  const out: Record<string, unknown> = { type: value.name, message: clean(value.message), stack: clean(value.stack) };
  for (const field of SAFE_FIELDS) {
    const own = source[field] ?? driver?.[field];
    if (typeof own === 'string' || typeof own === 'number') out[field] = own;
  }
  if (value.cause !== undefined && depth < MAX_DEPTH) out['cause'] = serializeError(value.cause, depth + 1);
  return out;
}
