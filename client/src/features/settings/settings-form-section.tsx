import type { ReactNode } from 'react';
import { ListStatus } from '../../components/list-status';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';

export interface SettingsFormSectionProps {
  /** Names the heading (`<id>-heading`) the section is labelled by. */
  id: string;
  heading: string;
  lead: string;
  /** What the last save did, e.g. 「保存しました。」 */
  notice: string | null;
  actionError: string | null;
  loadError: unknown;
  onRetry: () => void;
  busy: boolean;
  saveLabel: string;
  onSave: () => void;
  /** The form's fields, or null while the settings load. */
  children: ReactNode;
}

/** A settings section that edits one set of the town's settings: heading, lead, what happened, the form and its save button. */
export function SettingsFormSection({ id, heading, lead, notice, actionError, loadError, onRetry, busy, saveLabel, onSave, children }: SettingsFormSectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="settings-section">
      <div className="section-head">
        <h2 id={`${id}-heading`}>{heading}</h2>
      </div>
      <p>{lead}</p>
      <ListStatus
        success={notice}
        actionError={actionError}
        loadError={loadError ? describeError(loadError) : null}
        retryLabel={common.actions.retry}
        onRetry={onRetry}
        empty={false}
        emptyText=""
      />
      {children ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            onSave();
          }}
        >
          {children}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {saveLabel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
