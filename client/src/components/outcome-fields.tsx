import { OUTCOME_CODES } from '@madoguchi/contract/consultation';
import { common } from '../i18n/common-messages';
import { FormField } from './form-field';
import type { OutcomeDraft } from './outcome-draft';
import { choicesOf } from './select-choices';
import { SelectField } from './select-field';

/** The console says 対応結果 right after a call, the record page 相談結果; each form brings its words. */
export interface OutcomeFieldsTexts {
  outcome: string;
  /** The empty first option. */
  choose: string;
  notes: string;
  notesHint?: string;
}

export interface OutcomeFieldsProps {
  draft: OutcomeDraft;
  onChange: (next: OutcomeDraft) => void;
  texts: OutcomeFieldsTexts;
  /** Under the select, e.g. when the form was sent before an outcome was chosen. */
  outcomeError: string | null;
  notesRows: number;
  /** Marks the select as the first thing to focus (`data-autofocus`). */
  autoFocus?: boolean;
}

/** The outcome code (required) and free notes recorded for a consultation. */
export function OutcomeFields({ draft, onChange, texts, outcomeError, notesRows, autoFocus = false }: OutcomeFieldsProps) {
  return (
    <>
      <SelectField
        label={texts.outcome}
        required
        requiredLabel={common.required}
        error={outcomeError}
        value={draft.outcome}
        emptyLabel={texts.choose}
        choices={choicesOf(OUTCOME_CODES, common.outcome)}
        autoFocus={autoFocus}
        onChange={(outcome) => onChange({ ...draft, outcome })}
      />
      <FormField label={texts.notes} hint={texts.notesHint}>
        {(c) => <textarea {...c} rows={notesRows} maxLength={4000} value={draft.notes} onChange={(e) => onChange({ ...draft, notes: e.target.value })} />}
      </FormField>
    </>
  );
}
