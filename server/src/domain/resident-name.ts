import type { ResidentNameDisplay } from '@madoguchi/contract/town-settings';

/**
 * The booked name as the public kiosk screen may show it (the kiosk adds 様). Names are
 * booked family name first (「佐々木 トメ」); a name without a space cannot be split, so the
 * family-name setting shows its first character and 〇 for the rest rather than the whole.
 * null: show no name.
 */
export function publicResidentName(fullName: string, display: ResidentNameDisplay): string | null {
  const words = fullName.trim().split(/[\s\u3000]+/u).filter((w) => w.length > 0);
  if (words.length === 0 || display === 'hidden') return null;
  if (display === 'full') return words.join(' ');
  if (display === 'initials') return words.map((w) => `${[...w][0]?.toLocaleUpperCase() ?? ''}.`).join(' ');
  const [family = ''] = words;
  if (words.length > 1) return family;
  const chars = [...family];
  return chars.length <= 1 ? family : `${chars[0] ?? ''}${'〇'.repeat(Math.min(chars.length - 1, 3))}`;
}
