import { useState } from 'react';
import type { Department } from '@madoguchi/contract/departments';
import { updateDepartment } from '../../api/departments-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ListStatus } from '../../components/list-status';
import { useAction } from '../../hooks/use-action';
import { useDepartments } from '../../hooks/use-reference-data';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';
import { describeError } from '../../i18n/describe-error';
import { DepartmentDialog } from './department-dialog';
import { DepartmentTable } from './department-table';

const t = departmentMessages;

export function DepartmentsSection() {
  const departments = useDepartments();
  const [editing, setEditing] = useState<{ department: Department | null } | null>(null);
  const [deactivating, setDeactivating] = useState<Department | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  const done = (message: string) => {
    setEditing(null);
    setDeactivating(null);
    setNotice(message);
    departments.reload();
  };
  const setActive = async (department: Department, active: boolean) => {
    const result = await action.perform((o) => updateDepartment(department.id, { active }, o));
    if (result.ok) done(active ? t.reactivated : t.deactivated);
  };

  return (
    <section aria-labelledby="departments-heading" className="settings-section">
      <div className="section-head">
        <h2 id="departments-heading">{t.heading}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ department: null })}>
          {t.add}
        </button>
      </div>
      <ListStatus
        success={notice}
        actionError={deactivating ? null : action.error}
        loadError={departments.error ? describeError(departments.error) : null}
        retryLabel={common.actions.retry}
        onRetry={departments.reload}
        empty={departments.data?.length === 0}
        emptyText={t.empty}
      />
      {departments.data && departments.data.length > 0 ? (
        <DepartmentTable
          departments={departments.data}
          busy={action.busy}
          onEdit={(department) => setEditing({ department })}
          onDeactivate={setDeactivating}
          onReactivate={(department) => void setActive(department, true)}
        />
      ) : null}
      {editing ? <DepartmentDialog department={editing.department} onSaved={done} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={deactivating !== null}
        title={t.confirmDeactivate.title}
        message={t.confirmDeactivate.message(deactivating?.name ?? '')}
        confirmLabel={t.confirmDeactivate.confirm}
        cancelLabel={common.actions.cancel}
        danger
        busy={action.busy}
        error={action.error}
        onConfirm={() => deactivating && void setActive(deactivating, false)}
        onCancel={() => {
          setDeactivating(null);
          action.clearError();
        }}
      />
    </section>
  );
}
