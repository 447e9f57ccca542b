import { DEPARTMENT_ICONS } from '@madoguchi/contract/departments';
import type { Department } from '@madoguchi/contract/departments';
import { createDepartment, updateDepartment } from '../../api/departments-api';
import { FormField } from '../../components/form-field';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';
import { departmentFormFrom, departmentInput, departmentProblems } from './department-form';
import { SettingsFormDialog } from './settings-form-dialog';
import { TranslationFields } from './translation-fields';
import { useCheckedForm } from './use-checked-form';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';

const t = departmentMessages;

export interface DepartmentDialogProps {
  /** null: a new department. */
  department: Department | null;
  onSaved: (message: string) => void;
  onClose: () => void;
}

export function DepartmentDialog({ department, onSaved, onClose }: DepartmentDialogProps) {
  const form = useCheckedForm(() => departmentFormFrom(department), departmentProblems);
  const { values, change, problems } = form;
  const { perform, busy, error } = useAction({ conflict: t.fields.codeTaken });

  async function submit() {
    if (!form.check()) return;
    const body = departmentInput(values);
    const result = await perform((o) => (department ? updateDepartment(department.id, body, o) : createDepartment(body, o)));
    if (result.ok) onSaved(department ? t.saved : t.created);
  }

  return (
    <SettingsFormDialog title={department ? t.editTitle : t.addTitle} submitLabel={common.actions.save} busy={busy} error={error} onSubmit={() => void submit()} onClose={onClose}>
      <div className="form-grid">
        <FormField label={t.fields.name} required requiredLabel={common.required} error={problems.name ? t.fields.nameRequired : null}>
          {(c) => <input {...c} maxLength={60} value={values.name} onChange={(e) => change({ name: e.target.value })} />}
        </FormField>
        <FormField label={t.fields.code} hint={t.fields.codeHint} required requiredLabel={common.required} error={problems.code ? t.fields.codeInvalid : null}>
          {(c) => <input {...c} maxLength={32} autoCapitalize="off" spellCheck={false} value={values.code} onChange={(e) => change({ code: e.target.value })} />}
        </FormField>
        <SelectField label={t.fields.icon} value={values.icon} choices={choicesOf(DEPARTMENT_ICONS, common.departmentIcon)} onChange={(icon) => change({ icon })} />
      </div>
      <TranslationFields translations={values.translations} onChange={(translations) => change({ translations })} />
    </SettingsFormDialog>
  );
}
