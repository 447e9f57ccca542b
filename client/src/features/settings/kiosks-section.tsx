import { useState } from 'react';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ListStatus } from '../../components/list-status';
import { useInterval } from '../../hooks/use-interval';
import { useKiosks } from '../../hooks/use-reference-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { KioskDialog } from './kiosk-dialog';
import { KioskTable } from './kiosk-table';
import { KioskCodeDialog } from './kiosk-code-dialog';
import { issueInstallerCode } from '../../api/kiosks-api';
import { useApi } from '../../hooks/use-api';
import { installerMessages } from '../../i18n/installer-messages';
import type { PairingCode } from '@madoguchi/contract/kiosks';
import { useKioskActions } from './use-kiosk-actions';

const t = kioskMessages;

export function KiosksSection() {
  const kiosks = useKiosks();
  // Online/offline/busy come from heartbeats; keep the list current.
  useInterval(kiosks.reload, 30_000);
  const [editing, setEditing] = useState<{ kiosk: KioskSummary | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string | null) => {
    setEditing(null);
    setNotice(message);
    kiosks.reload();
  };
  const actions = useKioskActions(done);
  const { run } = useApi();
  const [installer, setInstaller] = useState<{ kioskName: string; code: PairingCode } | null>(null);
  const issueInstaller = (kiosk: KioskSummary) => {
    setNotice(null);
    run((o) => issueInstallerCode(kiosk.id, o)).then(
      (code) => setInstaller({ kioskName: kiosk.name, code }),
      () => setNotice(installerMessages.failed),
    );
  };
  const { pending, action, pairing } = actions;
  const texts = pending?.kind === 'revoke' ? t.confirmRevoke : t.confirmNewCode;

  return (
    <section aria-labelledby="kiosks-heading" className="settings-section">
      <div className="section-head">
        <h2 id="kiosks-heading">{t.heading}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ kiosk: null })}>
          {t.register}
        </button>
      </div>
      <p className="page__hint">{t.autoRefresh}</p>
      <ListStatus
        success={notice}
        loadError={kiosks.error ? describeError(kiosks.error) : null}
        retryLabel={common.actions.retry}
        onRetry={kiosks.reload}
        empty={kiosks.data?.length === 0}
        emptyText={t.empty}
      />
      {kiosks.data && kiosks.data.length > 0 ? (
        <KioskTable
          kiosks={kiosks.data}
          onEdit={(kiosk) => setEditing({ kiosk })}
          onNewCode={(kiosk) => actions.ask({ kind: 'newCode', kiosk })}
          onInstallerCode={issueInstaller}
          onRevoke={(kiosk) => actions.ask({ kind: 'revoke', kiosk })}
        />
      ) : null}
      {editing ? (
        <KioskDialog
          kiosk={editing.kiosk}
          onSaved={done}
          onRegistered={(registered) => {
            done(t.registered);
            actions.showPairing({ kioskName: registered.kiosk.name, code: registered.pairing });
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={texts.title}
        message={texts.message(pending?.kiosk.name ?? '')}
        confirmLabel={texts.confirm}
        cancelLabel={common.actions.cancel}
        danger={pending?.kind === 'revoke'}
        busy={action.busy}
        error={action.error}
        onConfirm={actions.confirm}
        onCancel={() => actions.ask(null)}
      />
      {installer ? <KioskCodeDialog kind="installer" kioskName={installer.kioskName} code={installer.code} onClose={() => setInstaller(null)} /> : null}
      {pairing ? <KioskCodeDialog kind="pairing" kioskName={pairing.kioskName} code={pairing.code} onClose={() => actions.showPairing(null)} /> : null}
    </section>
  );
}
