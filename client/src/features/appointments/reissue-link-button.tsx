import { useState } from 'react';
import { reissueBookingLink } from '../../api/appointments-api';
import { ConfirmedActionButton } from '../../components/confirmed-action-button';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { describeError } from '../../i18n/describe-error';
import { integrationMessages } from '../../i18n/integration-messages';
import { ShownOnceDialog } from '../settings/shown-once-dialog';

const t = integrationMessages.reissueLink;

/** Admins: revoke a resident's private booking link (lost, or seen by someone else) and show a new one once. */
export function ReissueLinkButton({ appointmentId }: { appointmentId: string }) {
  const { run } = useApi();
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<string | null>(null);

  const reissue = async () => {
    setError(null);
    try {
      const { manageToken } = await run((options) => reissueBookingLink(appointmentId, options));
      setLink(`${window.location.origin}/book/#/b/${manageToken}`);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <ConfirmedActionButton
        label={t.button}
        className="button button--secondary"
        texts={{ title: t.title, message: t.body, confirm: t.confirm, cancel: t.cancel }}
        onConfirm={reissue}
      />
      {error ? <Notice tone="error" text={describeError(error)} /> : null}
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
