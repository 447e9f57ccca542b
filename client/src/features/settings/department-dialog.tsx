import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEPARTMENT_ICONS } from '@contract/departments';
import type { Department, DepartmentIcon } from '@contract/departments';
import { createDepartment, updateDepartment } from '../../api/departments-api';
import { FormField } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';
import { departmentFormFrom, departmentInput, departmentProblems } from './department-form';
import { TranslationFields } from './translation-fields';

const t = departmentMessages;

export interface DepartmentDialogProps {
  /** null: a new department. */
  department: Department | null;
  onSaved: (message: string) => void;
  onClose: () => void;
}

export function DepartmentDialog({ department, onSaved, onClose }: DepartmentDialogProps) {
  const [values, setValues] = useState(() => departmentFormFrom(department));
  const [checked, setChecked] = useState(false);
  const { perform, busy, error } = useAction();
  const problems = checked ? departmentProblems(values) : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(departmentProblems(values)).length > 0) return;
    const body = departmentInput(values);
    const result = await perform((o) => (department ? updateDepartment(department.id, body, o) : createDepartment(body, o)));
    if (result.ok) onSaved(department ? t.saved : t.created);
  }

  return (
    <ModalDialog open title={department ? t.editTitle : t.addTitle} closeLabel={common.actions.close} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <FormField label={t.fields.name} required requiredLabel={common.required} error={problems.name ? t.fields.nameRequired : null}>
            {(c) => <input {...c} maxLength={60} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
          </FormField>
          <FormField label={t.fields.code} hint={t.fields.codeHint} required requiredLabel={common.required} error={problems.code ? t.fields.codeInvalid : null}>
            {(c) => (
              <input {...c} maxLength={32} autoCapitalize="off" spellCheck={false} value={values.code} onChange={(e) => setValues({ ...values, code: e.target.value })} />
            )}
          </FormField>
          <FormField label={t.fields.icon}>
            {(c) => (
              <select {...c} value={values.icon} onChange={(e) => setValues({ ...values, icon: e.target.value as DepartmentIcon })}>
                {DEPARTMENT_ICONS.map((icon) => (
                  <option key={icon} value={icon}>
                    {common.departmentIcon[icon]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <TranslationFields translations={values.translations} onChange={(translations) => setValues({ ...values, translations })} />
        {error ? <Notice tone="error" text={error} /> : null}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {common.actions.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? common.actions.saving : common.actions.save}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
