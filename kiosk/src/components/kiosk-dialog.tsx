import { useId } from 'react';
import type { ReactNode } from 'react';

export interface KioskDialogProps {
  title: string;
  children?: ReactNode;
  /** The buttons, largest choice first. */
  actions: ReactNode;
}

/** A modal question over the whole screen: big words, big buttons, nothing else to touch. */
export function KioskDialog({ title, children, actions }: KioskDialogProps) {
  const titleId = useId();
  return (
    <div className="kiosk-dialog__backdrop">
      <div className="kiosk-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="kiosk-dialog__title">
          {title}
        </h2>
        {children}
        <div className="kiosk-dialog__actions">{actions}</div>
      </div>
    </div>
  );
}
