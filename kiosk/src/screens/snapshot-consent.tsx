import { BigButton } from '../components/big-button';
import { KioskDialog } from '../components/kiosk-dialog';
import type { KioskMessages } from '../i18n/messages';
import type { SnapshotPhase } from '@madoguchi/call-core/in-call/snapshots';

export interface SnapshotConsentProps {
  phase: SnapshotPhase;
  labels: KioskMessages['snapshot'];
  onAnswer: (consent: boolean) => void;
  onDismiss: () => void;
}

/** 「撮影してもよろしいですか？」: nothing is photographed without a 「はい」. */
export function SnapshotConsent({ phase, labels, onAnswer, onDismiss }: SnapshotConsentProps) {
  if (phase === 'asking') {
    return (
      <KioskDialog
        title={labels.question}
        actions={
          <>
            <BigButton size="huge" onClick={() => onAnswer(true)}>
              {labels.yes}
            </BigButton>
            <BigButton size="huge" variant="quiet" onClick={() => onAnswer(false)}>
              {labels.no}
            </BigButton>
          </>
        }
      />
    );
  }
  const title = { capturing: labels.capturing, sent: labels.sent, failed: labels.failed }[phase];
  return (
    <KioskDialog
      title={title}
      actions={
        phase === 'capturing' ? null : (
          <BigButton variant="quiet" onClick={onDismiss}>
            {labels.close}
          </BigButton>
        )
      }
    />
  );
}
