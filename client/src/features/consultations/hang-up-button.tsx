import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { consoleMessages } from '../../i18n/console-messages';
import { messages } from '../../i18n/messages';

const t = consoleMessages.hangUpConfirm;

/**
 * 通話を終了, asked once more first: a mis-click would drop a resident who may have travelled to
 * the kiosk for this call. 通話を続ける has the focus, so Enter or Esc keep the call.
 */
export function HangUpButton({ onHangUp }: { onHangUp: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onHangUp();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--danger call__hangup" onClick={() => setAsking(true)}>
        {messages.call.hangUp}
      </button>
      <ConfirmDialog
        open={asking}
        title={t.title}
        message={t.message}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        busy={busy}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
