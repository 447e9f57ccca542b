import { useState } from 'react';
import { reissueBookingLink } from '../../api/appointments-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useApi } from '../../hooks/use-api';
import { describeError } from '../../i18n/describe-error';
import { pick } from '../../i18n/language';
import { ShownOnceDialog } from '../settings/shown-once-dialog';

const t = pick({
  ja: {
    button: '予約確認リンクを再発行',
    title: '予約確認リンクを再発行しますか？',
    body: 'これまでのリンク（メールや控えに載っているもの）は直ちに使えなくなります。新しいリンクは一度だけ表示されるので、住民の方にお伝えください。',
    confirm: '再発行する',
    cancel: 'やめる',
    issuedTitle: '新しい予約確認リンク',
    issuedHint: '住民の方はこのリンクで予約の確認・変更・取り消しができます。',
    warning: 'この画面を閉じると二度と表示できません。必要になったら、もう一度再発行してください。',
    done: '伝えたので閉じる',
  },
  en: {
    button: 'Reissue booking link',
    title: 'Reissue the booking link?',
    body: 'The old link (in the mail and on the slip) stops working at once. The new link is shown once: pass it to the resident.',
    confirm: 'Reissue',
    cancel: 'Keep the old link',
    issuedTitle: 'New booking link',
    issuedHint: 'With this link the resident can see, move or cancel the booking.',
    warning: 'Once closed this cannot be shown again; reissue again if needed.',
    done: 'Passed on, close',
  },
});

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
