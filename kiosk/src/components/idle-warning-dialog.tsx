import { useEffect, useState } from 'react';
import { BigButton } from './big-button';
import { KioskDialog } from './kiosk-dialog';

export interface IdleWarningDialogProps {
  endsAt: number;
  labels: { title: string; lead: (seconds: number) => string; continue: string };
  onContinue: () => void;
}

function secondsLeft(endsAt: number): number {
  return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
}

/** 「続けますか？」 with the seconds left; one touch anywhere keeps the resident's place. */
export function IdleWarningDialog({ endsAt, labels, onContinue }: IdleWarningDialogProps) {
  const [seconds, setSeconds] = useState(() => secondsLeft(endsAt));
  useEffect(() => {
    setSeconds(secondsLeft(endsAt));
    const timer = window.setInterval(() => setSeconds(secondsLeft(endsAt)), 250);
    return () => window.clearInterval(timer);
  }, [endsAt]);
  return (
    <KioskDialog
      title={labels.title}
      actions={
        <BigButton size="huge" onClick={onContinue} autoFocus>
          {labels.continue}
        </BigButton>
      }
    >
      <p className="kiosk-dialog__lead" aria-live="off">
        {labels.lead(seconds)}
      </p>
      <p className="idle-warning__count" aria-hidden="true">
        {seconds}
      </p>
    </KioskDialog>
  );
}
