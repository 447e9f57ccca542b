/** The precompressed encodings the web builds ship, most compact first. */
export type Encoding = 'br' | 'gzip';
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

/**
 * Picks the encoding to send from an Accept-Encoding header and the copies that exist:
 * brotli before gzip, never one the browser refused with `q=0`, and the plain file (undefined)
 * when nothing fits. `*` accepts what is not named otherwise.
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!header) return undefined;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    quality.set(token.trim() === 'x-gzip' ? 'gzip' : token.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (encoding: Encoding): boolean => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
  return PREFERENCE.find((encoding) => available.includes(encoding) && accepts(encoding));
}
