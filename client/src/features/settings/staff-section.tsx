import { useState } from 'react';
import type { StaffMember } from '@madoguchi/contract/staff';
import { listStaff } from '../../api/staff-api';
import { ListStatus } from '../../components/list-status';
import { PaginationNav } from '../../components/pagination-nav';
import { useApiData } from '../../hooks/use-api-data';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-reference-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { staffMessages } from '../../i18n/staff-messages';
import { CredentialsDialog } from './credentials-dialog';
import { StaffConfirmDialog } from './staff-confirm-dialog';
import { StaffDialog } from './staff-dialog';
import { StaffTable } from './staff-table';
import { useStaffActions } from './use-staff-actions';

const t = staffMessages;
const PAGE_SIZE = 50;

export function StaffSection() {
  const { auth } = useAuth();
  const [page, setPage] = useState(1);
  const [includeInactive, setIncludeInactive] = useState(false);
  const filter = { page, pageSize: PAGE_SIZE, includeInactive };
  const staff = useApiData((o) => listStaff(filter, o), JSON.stringify(filter));
  const departments = useDepartments();
  const [editing, setEditing] = useState<{ member: StaffMember | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    staff.reload();
  };
  const actions = useStaffActions(done);
  const { pending, action } = actions;

  return (
    <section aria-labelledby="staff-heading" className="settings-section">
      <div className="section-head">
        <h2 id="staff-heading">{t.heading}</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => {
              setIncludeInactive(e.target.checked);
              setPage(1);
            }}
          />
          <span>{t.includeInactive}</span>
        </label>
        <button type="button" className="button button--primary" onClick={() => setEditing({ member: null })}>
          {t.invite}
        </button>
      </div>
      <ListStatus
        success={notice}
        actionError={pending ? null : action.error}
        loadError={staff.error ? describeError(staff.error) : null}
        retryLabel={common.actions.retry}
        onRetry={staff.reload}
        empty={staff.data?.items.length === 0}
        emptyText={t.empty}
      />
      {staff.data && staff.data.items.length > 0 ? (
        <>
          <StaffTable
            members={staff.data.items}
            departments={departments.data ?? []}
            selfId={auth?.user.id ?? ''}
            busy={action.busy}
            onEdit={(member) => setEditing({ member })}
            onReset={(member) => actions.ask({ kind: 'reset', member })}
            onDeactivate={(member) => actions.ask({ kind: 'deactivate', member })}
            onReactivate={(member) => actions.setActive(member, true)}
          />
          <PaginationNav page={staff.data.page} pageSize={staff.data.pageSize} total={staff.data.total} texts={common.pagination} onPage={setPage} />
        </>
      ) : null}
      {editing ? (
        <StaffDialog
          member={editing.member}
          departments={departments.data ?? []}
          isSelf={editing.member?.id === auth?.user.id}
          onSaved={done}
          onInvited={(credentials) => {
            done(t.created);
            actions.showIssued(credentials);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <StaffConfirmDialog actions={actions} />
      {actions.issued ? <CredentialsDialog issued={actions.issued} onClose={() => actions.showIssued(null)} /> : null}
    </section>
  );
}
