import { useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';

export interface ConfirmedActionTexts {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

export interface ConfirmedActionButtonProps {
  label: string;
  className: string;
  texts: ConfirmedActionTexts;
  onConfirm: () => Promise<void>;
  disabled?: boolean;
  /** Says what the button acts on when the same label repeats (one per table row); must contain `label`. */
  accessibleName?: string;
}

/** A button whose action runs only after a danger confirmation; the cancel button keeps things as they are. */
export function ConfirmedActionButton({ label, className, texts, onConfirm, disabled = false, accessibleName }: ConfirmedActionButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <button type="button" className={className} disabled={disabled} aria-label={accessibleName} onClick={() => setAsking(true)}>
        {label}
      </button>
      <ConfirmDialog
        open={asking}
        title={texts.title}
        message={texts.message}
        confirmLabel={texts.confirm}
        cancelLabel={texts.cancel}
        busy={busy}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
