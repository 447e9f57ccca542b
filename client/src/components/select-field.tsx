import { FormField } from './form-field';
import type { FormFieldProps } from './form-field';
import type { SelectChoice } from './select-choices';


interface SelectFieldBase<V extends string> extends Omit<FormFieldProps, 'children'> {
  choices: readonly SelectChoice<V>[];
  disabled?: boolean;
  /** Marks the select for the dialog's first focus. */
  autoFocus?: boolean;
}

/** Without `emptyLabel` a value must be chosen; with it the first option is '' (「選択してください」, 「すべて」). */
export type SelectFieldProps<V extends string> = SelectFieldBase<V> &
  ({ emptyLabel?: undefined; value: V; onChange: (value: V) => void } | { emptyLabel: string; value: V | ''; onChange: (value: V | '') => void });

/**
 * A labelled select: every staff-app form picks from a list the same way, so the label, hint, error
 * and the empty first option are wired once here (through FormField, so ids and aria stay as they were).
 */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { value, choices, emptyLabel, disabled, autoFocus, onChange, ...field } = props;
  // The select offers only `choices`, plus '' exactly when emptyLabel is given, so either callback fits.
  const choose = onChange as (value: V | '') => void;
  return (
    <FormField {...field}>
      {(c) => (
        <select {...c} value={value} disabled={disabled} data-autofocus={autoFocus ? true : undefined} onChange={(e) => choose(e.target.value as V | '')}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
