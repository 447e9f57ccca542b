import type { DeviceProblem } from '../device/device-check';
import type { KioskMessages } from '../i18n/messages';
import { BigButton } from './big-button';
import { KioskDialog } from './kiosk-dialog';

export interface DeviceProblemDialogProps {
  problems: readonly DeviceProblem[];
  checking: boolean;
  labels: KioskMessages['deviceCheck'];
  continueLabel: string;
  onRetry: () => void;
  onDismiss: () => void;
}

/** One plain sentence per broken device, a retry, and the way on without it. */
export function DeviceProblemDialog({ problems, checking, labels, continueLabel, onRetry, onDismiss }: DeviceProblemDialogProps) {
  return (
    <KioskDialog
      title={labels.title}
      actions={
        <>
          <BigButton onClick={onRetry} disabled={checking}>
            {labels.retry}
          </BigButton>
          <BigButton variant="quiet" onClick={onDismiss}>
            {continueLabel}
          </BigButton>
        </>
      }
    >
      <ul className="device-problems">
        {problems.map((problem) => (
          <li key={problem} className="kiosk-dialog__lead">
            {labels[problem]}
          </li>
        ))}
      </ul>
    </KioskDialog>
  );
}
