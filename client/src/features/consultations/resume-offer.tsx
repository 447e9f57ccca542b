import { useState } from 'react';
import type { ResumableCall } from '@madoguchi/contract/signalling-events';
import { Notice } from '../../components/notice';
import { useStaffCall } from '../../hooks/use-call-client';
import { resumeMessages as t } from '../../i18n/resume-messages';

/** A live call this desk left by reloading or closing the console: one button takes it back. */
export function ResumeOffer({ call }: { call: ResumableCall }) {
  const staffCall = useStaffCall();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const resume = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await staffCall.resumeCall(call);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <section className="card resume-offer" aria-labelledby="resume-heading">
      <h2 id="resume-heading" className="card__title">
        {t.heading}
      </h2>
      <p>{t.live(call.peerName ?? '')}</p>
      {failed ? <Notice tone="error" text={t.failed} /> : null}
      <div className="form-actions form-actions--start">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void resume()} autoFocus>
          {busy ? t.resuming : t.back}
        </button>
      </div>
    </section>
  );
}
