import type { Department } from '@madoguchi/contract/departments';
import { LANGUAGES } from '@madoguchi/contract/languages';
import { STAFF_ROLES } from '@madoguchi/contract/staff';
import { CheckboxGroup } from '../../components/checkbox-group';
import { FormField } from '../../components/form-field';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import type { StaffFormValues, StaffProblems } from './staff-form';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';

const f = staffMessages.fields;

export interface StaffFieldsProps {
  values: StaffFormValues;
  onChange: (patch: Partial<StaffFormValues>) => void;
  problems: StaffProblems;
  departments: readonly Department[];
  creating: boolean;
  /** One's own role cannot be changed (no locking oneself out). */
  roleLocked: boolean;
}

export function StaffFields({ values, onChange, problems, departments, creating, roleLocked }: StaffFieldsProps) {
  const departmentOptions = departments.filter((d) => d.active || values.departmentIds.includes(d.id)).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <div className="form-grid">
        <FormField label={f.displayName} required requiredLabel={common.required} error={problems.displayName ? f.displayNameRequired : null}>
          {(c) => <input {...c} maxLength={60} value={values.displayName} onChange={(e) => onChange({ displayName: e.target.value })} />}
        </FormField>
        <FormField label={f.loginId} hint={f.loginIdHint} required={creating} requiredLabel={common.required} error={problems.loginId ? f.loginIdInvalid : null}>
          {(c) => (
            <input
              {...c}
              maxLength={64}
              autoCapitalize="off"
              autoComplete="off"
              spellCheck={false}
              readOnly={!creating}
              value={values.loginId}
              onChange={(e) => onChange({ loginId: e.target.value })}
            />
          )}
        </FormField>
        <SelectField label={f.role} value={values.role} disabled={roleLocked} choices={choicesOf(STAFF_ROLES, common.role)} onChange={(role) => onChange({ role })} />
      </div>
      <CheckboxGroup
        legend={f.departments}
        hint={f.departmentsHint}
        options={departmentOptions}
        selected={values.departmentIds}
        onChange={(departmentIds) => onChange({ departmentIds })}
      />
      <CheckboxGroup
        legend={f.languages}
        options={LANGUAGES.map((l) => ({ value: l, label: common.language[l] }))}
        selected={values.languages}
        onChange={(languages) => onChange({ languages })}
      />
    </>
  );
}
