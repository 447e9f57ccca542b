import { useState } from 'react';
import { reissueBookingLink } from '../../api/appointments-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useApi } from '../../hooks/use-api';
import { describeError } from '../../i18n/describe-error';
import { integrationMessages } from '../../i18n/integration-messages';
import { ShownOnceDialog } from '../settings/shown-once-dialog';

const t = integrationMessages.reissueLink;

/** Admins: revoke a resident's private booking link (lost, or seen by someone else) and show a new one once. */
export function ReissueLinkButton({ appointmentId }: { appointmentId: string }) {
  const { run } = useApi();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const { manageToken } = await run((options) => reissueBookingLink(appointmentId, options));
      setAsking(false);
      setLink(`${window.location.origin}/book/#/b/${manageToken}`);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        {t.button}
      </button>
      <ConfirmDialog
        open={asking}
        title={t.title}
        message={t.body}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
      {link ? (
        <ShownOnceDialog title={t.issuedTitle} warning={t.warning} doneLabel={t.done} onClose={() => setLink(null)}>
          <p>{t.issuedHint}</p>
          <p className="secret secret--long" translate="no">
            {link}
          </p>
        </ShownOnceDialog>
      ) : null}
    </>
  );
}
