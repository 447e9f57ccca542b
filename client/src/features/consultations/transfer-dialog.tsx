import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TransferResult } from '@madoguchi/contract/signalling-events';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { useStaffCall } from '../../hooks/use-call-client';
import { useDepartments } from '../../hooks/use-reference-data';
import { consoleMessages } from '../../i18n/console-messages';
import { SelectField } from '../../components/select-field';

const t = consoleMessages.transfer;

export interface TransferDialogProps {
  open: boolean;
  onClose: () => void;
  /** Runs before the transfer request (the quality report). */
  beforeTransfer: () => Promise<void>;
  onTransferred: (result: TransferResult) => void;
}

/** 「他の部署へ回す」: pick a department; the resident waits in its queue, the call closes here. */
export function TransferDialog({ open, onClose, beforeTransfer, onTransferred }: TransferDialogProps) {
  const desk = useStaffCall();
  const departments = useDepartments();
  const [departmentId, setDepartmentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!departmentId) return;
    setBusy(true);
    setError(null);
    try {
      await beforeTransfer();
      onTransferred(await desk.transferCall(departmentId));
    } catch {
      setError(t.failed);
    } finally {
      setBusy(false);
    }
  }

  const active = (departments.data ?? []).filter((d) => d.active);
  return (
    <ModalDialog open={open} title={t.title} closeLabel={t.cancel} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <SelectField
          label={t.department}
          value={departmentId}
          emptyLabel={t.choose}
          choices={active.map((d) => ({ value: d.id, label: d.name }))}
          onChange={setDepartmentId}
        />
        {error ? <Notice tone="error" text={error} /> : null}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !departmentId}>
            {t.submit}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
