/** Fields are printed as `[key:value]` after the message. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function format(context: string, message: string, fields?: LogFields): string {
  const tail = fields
    ? Object.entries(fields)
        .map(([key, value]) => ` [${key}:${formatValue(value)}]`)
        .join('')
    : '';
  return `[madoguchi:${context}] ${message}${tail}`;
}

/** One logger per module, with the module's name bound in. */
export function createLogger(context: string): Logger {
  return {
    debug: (message, fields) => console.debug(format(context, message, fields)),
    info: (message, fields) => console.info(format(context, message, fields)),
    warn: (message, fields) => console.warn(format(context, message, fields)),
    error: (message, fields) => console.error(format(context, message, fields)),
  };
}
