import type { ReactNode } from 'react';

/** The full-screen layout every kiosk screen shares. */
export function ScreenFrame({ name, children }: { name: string; children: ReactNode }) {
  return (
    <main className={`screen screen--${name}`}>
      {children}
    </main>
  );
}
