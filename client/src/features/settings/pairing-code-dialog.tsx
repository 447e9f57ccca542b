import type { PairingCode } from '@madoguchi/contract/kiosks';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { formatDateTime } from '../../time/jst-format';
import { groupedPairingCode } from './kiosk-form';
import { ShownOnceDialog } from './shown-once-dialog';

const t = kioskMessages.pairing;

/** The eight-digit code the installer types on the kiosk, shown this once. */
export function PairingCodeDialog({ kioskName, pairing, onClose }: { kioskName: string; pairing: PairingCode; onClose: () => void }) {
  const url = `${window.location.origin}/kiosk/#pair`;
  return (
    <ShownOnceDialog title={t.title} warning={t.warning} doneLabel={t.done} onClose={onClose}>
      <p>{t.intro(kioskName)}</p>
      <ol className="steps">
        {t.steps(url).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="secret-label">{t.code}</p>
      <p className="pairing-code" translate="no" aria-label={pairing.code.split('').join(' ')}>
        {groupedPairingCode(pairing.code)}
      </p>
      <p className="pairing-expiry">{t.expires(formatDateTime(pairing.expiresAt))}</p>
    </ShownOnceDialog>
  );
}
