/** The code on a resident's check-in slip. */
export const CHECK_IN_CODE_LENGTH = 6;
/** The one-time code an administrator reads off the admin screen when installing a kiosk. */
export const PAIRING_CODE_LENGTH = 8;

export const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
export type Digit = (typeof DIGITS)[number];
/** backspace: 「訂正」 removes the last digit; clear: 「消す」 removes them all. */
export type KeypadKey = Digit | 'backspace' | 'clear';

/** The code after one key press; digits beyond `maxLength` are ignored. */
export function applyKey(code: string, key: KeypadKey, maxLength: number): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return code.slice(0, -1);
  return code.length >= maxLength ? code : code + key;
}

const EXACT_CHECK_IN_CODE = /^\d{6}$/;
// Six digits standing alone, e.g. `…?code=123456` or `MADOGUCHI:123456`; longer runs are not codes.
const EMBEDDED_CHECK_IN_CODE = /(?<!\d)\d{6}(?!\d)/g;

/**
 * The check-in code in a scanned QR text: the six digits themselves, or the only run of
 * exactly six digits in a longer text (a URL or a prefixed payload). Anything ambiguous
 * is no code: a wrong guess would check in somebody else.
 */
export function codeFromQrText(text: string): string | null {
  const trimmed = text.trim();
  if (EXACT_CHECK_IN_CODE.test(trimmed)) return trimmed;
  const runs = trimmed.match(EMBEDDED_CHECK_IN_CODE) ?? [];
  return runs.length === 1 ? (runs[0] ?? null) : null;
}
