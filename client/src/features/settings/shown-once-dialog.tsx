import type { ReactNode } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { common } from '../../i18n/common-messages';

export interface ShownOnceDialogProps {
  title: string;
  /** Says that the secret cannot be shown again once the dialog is closed. */
  warning: string;
  /** The one button's text, e.g. 「伝えたので閉じる」. */
  doneLabel: string;
  onClose: () => void;
  /** The secret and how to use it. */
  children: ReactNode;
}

/** A secret the server hands out once (a temporary password, a pairing code) and never shows again. */
export function ShownOnceDialog({ title, warning, doneLabel, onClose, children }: ShownOnceDialogProps) {
  return (
    <ModalDialog open title={title} closeLabel={common.actions.close} onClose={onClose}>
      {children}
      <p className="notice notice--warning">{warning}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {doneLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
