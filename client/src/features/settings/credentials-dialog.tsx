import type { StaffCredentialsIssued } from '@madoguchi/contract/staff';
import { CopyButton } from '../../components/copy-button';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import { ShownOnceDialog } from './shown-once-dialog';

const t = staffMessages.credentials;

/** The temporary password, shown this once; the server never shows it again. */
export function CredentialsDialog({ issued, onClose }: { issued: StaffCredentialsIssued; onClose: () => void }) {
  return (
    <ShownOnceDialog title={t.title} warning={t.warning} doneLabel={t.done} onClose={onClose}>
      <p>{t.intro(issued.member.displayName, issued.member.loginId)}</p>
      <p className="secret-label">{t.password}</p>
      <p className="secret" translate="no">
        <code>{issued.temporaryPassword}</code>
      </p>
      <CopyButton text={issued.temporaryPassword} label={common.actions.copy} copiedLabel={common.actions.copied} failedLabel={common.actions.copyFailed} />
    </ShownOnceDialog>
  );
}
