import { ConfirmDialog } from '../../components/confirm-dialog';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import type { StaffActions } from './use-staff-actions';

/** Asks before deactivating a member or resetting their password. */
export function StaffConfirmDialog({ actions }: { actions: StaffActions }) {
  const { pending, action } = actions;
  const texts = pending?.kind === 'reset' ? staffMessages.confirmReset : staffMessages.confirmDeactivate;
  return (
    <ConfirmDialog
      open={pending !== null}
      title={texts.title}
      message={texts.message(pending?.member.displayName ?? '')}
      confirmLabel={texts.confirm}
      cancelLabel={common.actions.cancel}
      danger={pending?.kind === 'deactivate'}
      busy={action.busy}
      error={action.error}
      onConfirm={actions.confirm}
      onCancel={() => actions.ask(null)}
    />
  );
}
