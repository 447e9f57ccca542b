import type { ReactNode } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { common } from '../../i18n/common-messages';

export interface SettingsFormDialogProps {
  title: string;
  /** The submit button's text while nothing is being saved, e.g. 保存 or 端末を登録. */
  submitLabel: string;
  busy: boolean;
  /** Why the last save failed. */
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  /** The fields. */
  children: ReactNode;
}

/**
 * The add and edit dialogs of the settings pages: the fields, then the save error, キャンセル and
 * the submit button. The browser's own validation is off; each dialog checks its values itself.
 */
export function SettingsFormDialog({ title, submitLabel, busy, error, onSubmit, onClose, children }: SettingsFormDialogProps) {
  return (
    <ModalDialog open title={title} closeLabel={common.actions.close} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        {children}
        {error ? <Notice tone="error" text={error} /> : null}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {common.actions.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? common.actions.saving : submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
