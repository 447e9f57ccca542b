import type { KioskSummary } from '@contract/kiosks';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { formatDateTime, formatTimestamp } from '../../time/jst-format';
import { pairingState } from './kiosk-form';

const t = kioskMessages;

export interface KioskTableProps {
  kiosks: readonly KioskSummary[];
  onEdit: (kiosk: KioskSummary) => void;
  onNewCode: (kiosk: KioskSummary) => void;
  onRevoke: (kiosk: KioskSummary) => void;
}

function pairingText(kiosk: KioskSummary): string {
  switch (pairingState(kiosk)) {
    case 'revoked':
      return t.revoked;
    case 'paired':
      return t.paired;
    case 'pending':
      return t.pairingUntil(formatDateTime(kiosk.pairingExpiresAt ?? ''));
    case 'unpaired':
      return t.notPaired;
  }
}

export function KioskTable({ kiosks, onEdit, onNewCode, onRevoke }: KioskTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.location}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.heartbeat}</th>
            <th scope="col">{t.columns.pairing}</th>
            <th scope="col">{t.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{k.location}</td>
              <td>
                <StatusBadge tone={`kiosk-${k.status}`} label={common.kioskStatus[k.status]} />
              </td>
              <td>{k.lastHeartbeatAt ? <time dateTime={k.lastHeartbeatAt}>{formatTimestamp(k.lastHeartbeatAt)}</time> : t.never}</td>
              <td>{pairingText(k)}</td>
              <td>
                <div className="table__actions">
                  <button type="button" className="button button--small button--secondary" aria-label={t.edit(k.name)} onClick={() => onEdit(k)}>
                    {common.actions.edit}
                  </button>
                  <button type="button" className="button button--small button--secondary" aria-label={t.newCode(k.name)} onClick={() => onNewCode(k)}>
                    {t.newCodeShort}
                  </button>
                  {k.active ? (
                    <button type="button" className="button button--small button--danger-outline" aria-label={t.revoke(k.name)} onClick={() => onRevoke(k)}>
                      {t.confirmRevoke.confirm}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
