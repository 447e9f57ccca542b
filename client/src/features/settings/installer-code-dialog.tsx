import type { PairingCode } from '@madoguchi/contract/kiosks';
import { installerMessages } from '../../i18n/installer-messages';
import { formatDateTime } from '../../time/jst-format';
import { groupedPairingCode } from './kiosk-form';
import { ShownOnceDialog } from './shown-once-dialog';

const t = installerMessages;

/** The one-time code that opens the kiosk's installer mode, shown this once. */
export function InstallerCodeDialog({ kioskName, code, onClose }: { kioskName: string; code: PairingCode; onClose: () => void }) {
  const url = `${window.location.origin}/kiosk/#install`;
  return (
    <ShownOnceDialog title={t.title} warning={t.warning} doneLabel={t.done} onClose={onClose}>
      <p>{t.intro(kioskName)}</p>
      <ol className="steps">
        {t.steps(url).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="secret-label">{t.code}</p>
      <p className="pairing-code" translate="no" data-testid="installer-code" aria-label={code.code.split('').join(' ')}>
        {groupedPairingCode(code.code)}
      </p>
      <p className="pairing-expiry">{t.expires(formatDateTime(code.expiresAt))}</p>
    </ShownOnceDialog>
  );
}
