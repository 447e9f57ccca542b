import type { ReactNode } from 'react';
import type { DepartmentIcon } from '@madoguchi/contract/departments';

/** Department icons, the two on the start screen and the arrow of 「戻る」. */
export type PictogramName = DepartmentIcon | 'calendar' | 'qr' | 'back';

// Simple line drawings on a 64 x 64 grid, bundled so the kiosk needs nothing from outside.
const DRAWINGS: Record<PictogramName, ReactNode> = {
  child: (
    <>
      <circle cx="22" cy="13" r="6" />
      <path d="M22 21v19M22 40l-6 16M22 40l6 16M12 31l10-6 12 9" />
      <circle cx="44" cy="29" r="5" />
      <path d="M44 35v13M44 48l-4 9M44 48l4 9M44 39l-10-5" />
    </>
  ),
  welfare: <path d="M32 54C12 40 6 28 12 19c6-8 16-7 20 1 4-8 14-9 20-1 6 9 0 21-20 35z" />,
  tax: (
    <>
      <rect x="14" y="8" width="36" height="48" rx="4" />
      <path d="M24 19l8 12 8-12M32 31v15M25 34h14M25 40h14" />
    </>
  ),
  pension: (
    <>
      <circle cx="27" cy="12" r="6" />
      <path d="M27 20q4 9-1 18M26 38l-6 18M26 38l8 18M28 26l12 8M40 34v22" />
    </>
  ),
  resident: <path d="M8 30L32 10l24 20M15 25v31h34V25M27 56V41h10v15" />,
  health: (
    <>
      <circle cx="32" cy="32" r="24" />
      <path d="M32 19v26M19 32h26" strokeWidth="7" />
    </>
  ),
  general: (
    <>
      <path d="M12 10h40a4 4 0 0 1 4 4v24a4 4 0 0 1-4 4H28l-12 10V42h-4a4 4 0 0 1-4-4V14a4 4 0 0 1 4-4z" />
      <circle cx="22" cy="26" r="2" fill="currentColor" />
      <circle cx="32" cy="26" r="2" fill="currentColor" />
      <circle cx="42" cy="26" r="2" fill="currentColor" />
    </>
  ),
  calendar: (
    <>
      <rect x="8" y="12" width="48" height="44" rx="4" />
      <path d="M8 24h48M20 6v12M44 6v12M22 40l7 7 13-14" />
    </>
  ),
  back: <path d="M54 32H12M28 14L10 32l18 18" />,
  qr: (
    <>
      <rect x="8" y="8" width="18" height="18" />
      <rect x="38" y="8" width="18" height="18" />
      <rect x="8" y="38" width="18" height="18" />
      <path d="M38 38h6v6h-6zM50 50h6v6h-6zM44 44h6v6h-6zM50 38h6M38 56h6" />
    </>
  ),
};

/** Decorative: the word next to it says the same, so screen readers skip it. */
export function Pictogram({ name, className }: { name: PictogramName; className?: string }) {
  return (
    <svg
      className={['pictogram', className].filter(Boolean).join(' ')}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth="4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {DRAWINGS[name] ?? DRAWINGS.general}
    </svg>
  );
}
