import type { PairingCode } from '@madoguchi/contract/kiosks';
import { installerMessages } from '../../i18n/installer-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { formatDateTime } from '../../time/jst-format';
import { groupedPairingCode } from './kiosk-form';
import { ShownOnceDialog } from './shown-once-dialog';

/** The words of a one-time kiosk code's dialog. */
interface CodeWords {
  title: string;
  warning: string;
  done: string;
  intro: (kioskName: string) => string;
  steps: (url: string) => string[];
  code: string;
  expires: (when: string) => string;
}

/**
 * What each one-time code opens on the kiosk: registering it (`#pair`, typed by whoever sets it up)
 * or the installer mode that chooses its cameras (`#install`).
 */
const KINDS = {
  pairing: { words: kioskMessages.pairing, hash: '#pair', testId: undefined },
  installer: { words: installerMessages, hash: '#install', testId: 'installer-code' },
} satisfies Record<string, { words: CodeWords; hash: string; testId: string | undefined }>;

/** An eight-digit code to type on the kiosk, with the steps around it, shown this once. */
export function KioskCodeDialog({ kind, kioskName, code, onClose }: { kind: keyof typeof KINDS; kioskName: string; code: PairingCode; onClose: () => void }) {
  const { words: t, hash, testId } = KINDS[kind];
  const url = `${window.location.origin}/kiosk/${hash}`;
  return (
    <ShownOnceDialog title={t.title} warning={t.warning} doneLabel={t.done} onClose={onClose}>
      <p>{t.intro(kioskName)}</p>
      <ol className="steps">
        {t.steps(url).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="secret-label">{t.code}</p>
      <p className="pairing-code" translate="no" data-testid={testId} aria-label={code.code.split('').join(' ')}>
        {groupedPairingCode(code.code)}
      </p>
      <p className="pairing-expiry">{t.expires(formatDateTime(code.expiresAt))}</p>
    </ShownOnceDialog>
  );
}
