import { LANGUAGES } from '@madoguchi/contract/languages';
import type { AppointmentNeeds } from '@madoguchi/contract/appointments';
import { FormField } from '../../components/form-field';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { problemFor } from './appointment-form-types';
import type { AppointmentFieldsProps } from './appointment-form-types';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';

const f = appointmentMessages.fields;
const NEED_FLAGS = ['interpreter', 'hearingSupport', 'wheelchair'] as const;

/** Who is coming and what they need: name, kana, language, support needs, topic, notes. */
export function AppointmentResidentFields({ draft, onChange, problems, disabled }: AppointmentFieldsProps) {
  const setNeeds = (patch: Partial<AppointmentNeeds>) => onChange({ needs: { ...draft.needs, ...patch } });
  return (
    <>
      <div className="form-grid">
        <FormField label={f.residentName} required requiredLabel={common.required} error={problemFor(problems, 'residentName')}>
          {(c) => (
            <input {...c} autoComplete="off" maxLength={60} value={draft.residentName} disabled={disabled} onChange={(e) => onChange({ residentName: e.target.value })} />
          )}
        </FormField>
        <FormField label={f.residentKana} hint={f.residentKanaHint} error={problemFor(problems, 'residentKana')}>
          {(c) => (
            <input {...c} autoComplete="off" maxLength={60} value={draft.residentKana} disabled={disabled} onChange={(e) => onChange({ residentKana: e.target.value })} />
          )}
        </FormField>
        <SelectField
          label={f.language}
          value={draft.preferredLanguage}
          disabled={disabled}
          choices={choicesOf(LANGUAGES, common.language)}
          onChange={(preferredLanguage) => onChange({ preferredLanguage })}
        />
      </div>
      <fieldset className="checkbox-group" disabled={disabled}>
        <legend className="field__label">{f.needs}</legend>
        <div className="checkbox-group__options">
          {NEED_FLAGS.map((flag) => (
            <label key={flag} className="checkbox">
              <input type="checkbox" checked={draft.needs[flag]} onChange={(e) => setNeeds({ [flag]: e.target.checked })} />
              <span>{f[flag]}</span>
            </label>
          ))}
        </div>
        <FormField label={f.other} error={problemFor(problems, 'needsOther')}>
          {(c) => <input {...c} maxLength={200} value={draft.needs.other} onChange={(e) => setNeeds({ other: e.target.value })} />}
        </FormField>
      </fieldset>
      <FormField label={f.topic} error={problemFor(problems, 'topic')}>
        {(c) => <input {...c} maxLength={120} value={draft.topic} disabled={disabled} onChange={(e) => onChange({ topic: e.target.value })} />}
      </FormField>
      <FormField label={f.notes} hint={f.notesHint} error={problemFor(problems, 'notes')}>
        {(c) => <textarea {...c} rows={3} maxLength={2000} value={draft.notes} disabled={disabled} onChange={(e) => onChange({ notes: e.target.value })} />}
      </FormField>
    </>
  );
}
