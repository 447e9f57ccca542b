import type { StaffCredentialsIssued } from '@contract/staff';
import { CopyButton } from '../../components/copy-button';
import { ModalDialog } from '../../components/modal-dialog';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';

const t = staffMessages.credentials;

/** The temporary password, shown this once; the server never shows it again. */
export function CredentialsDialog({ issued, onClose }: { issued: StaffCredentialsIssued; onClose: () => void }) {
  return (
    <ModalDialog open title={t.title} closeLabel={common.actions.close} onClose={onClose}>
      <p>{t.intro(issued.member.displayName, issued.member.loginId)}</p>
      <p className="secret-label">{t.password}</p>
      <p className="secret" translate="no">
        <code>{issued.temporaryPassword}</code>
      </p>
      <CopyButton text={issued.temporaryPassword} label={common.actions.copy} copiedLabel={common.actions.copied} failedLabel={common.actions.copyFailed} />
      <p className="notice notice--warning">{t.warning}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t.done}
        </button>
      </div>
    </ModalDialog>
  );
}
