import type { PairingCode } from '@contract/kiosks';
import { ModalDialog } from '../../components/modal-dialog';
import { common } from '../../i18n/common-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { formatDateTime } from '../../time/jst-format';
import { groupedPairingCode } from './kiosk-form';

const t = kioskMessages.pairing;

/** The eight-digit code the installer types on the kiosk, shown this once. */
export function PairingCodeDialog({ kioskName, pairing, onClose }: { kioskName: string; pairing: PairingCode; onClose: () => void }) {
  const url = `${window.location.origin}/kiosk/#pair`;
  return (
    <ModalDialog open title={t.title} closeLabel={common.actions.close} onClose={onClose}>
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
      <p className="notice notice--warning">{t.warning}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t.done}
        </button>
      </div>
    </ModalDialog>
  );
}
