import { installerMessages } from '../../i18n/installer-messages';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { formatDateTime, formatTimestamp } from '../../time/jst-format';
import { pairingState } from './kiosk-form';
import { RowButton } from './row-actions';
import { SettingsTable } from './settings-table';
import type { SettingsTableProps } from './settings-table';

const t = kioskMessages;

export interface KioskTableProps {
  kiosks: readonly KioskSummary[];
  onEdit: (kiosk: KioskSummary) => void;
  onNewCode: (kiosk: KioskSummary) => void;
  /** Issues the one-time code for the kiosk's installer mode. */
  onInstallerCode: (kiosk: KioskSummary) => void;
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

const columns: SettingsTableProps<KioskSummary>['columns'] = [
  { heading: t.columns.name, cell: (k) => k.name },
  { heading: t.columns.location, cell: (k) => k.location },
  { heading: t.columns.status, cell: (k) => <StatusBadge tone={`kiosk-${k.status}`} label={common.kioskStatus[k.status]} /> },
  { heading: t.columns.heartbeat, cell: (k) => (k.lastHeartbeatAt ? <time dateTime={k.lastHeartbeatAt}>{formatTimestamp(k.lastHeartbeatAt)}</time> : t.never) },
  { heading: t.columns.pairing, cell: pairingText },
];

export function KioskTable({ kiosks, onEdit, onNewCode, onInstallerCode, onRevoke }: KioskTableProps) {
  return (
    <SettingsTable
      caption={t.caption}
      columns={columns}
      actionsHeading={t.columns.actions}
      rows={kiosks}
      actions={(k) => (
        <>
          <RowButton label={t.edit(k.name)} text={common.actions.edit} onClick={() => onEdit(k)} />
          <RowButton label={t.newCode(k.name)} text={t.newCodeShort} onClick={() => onNewCode(k)} />
          {k.active ? <RowButton label={installerMessages.button(k.name)} text={installerMessages.buttonShort} onClick={() => onInstallerCode(k)} /> : null}
          {k.active ? <RowButton danger label={t.revoke(k.name)} text={t.confirmRevoke.confirm} onClick={() => onRevoke(k)} /> : null}
        </>
      )}
    />
  );
}
