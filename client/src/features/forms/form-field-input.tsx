import { formatWareki, type FormFieldDef, type FormValues } from '@madoguchi/contract/forms';
import { formMessages } from '../../i18n/form-messages';

const t = formMessages;

export interface FormFieldInputProps {
  field: FormFieldDef;
  value: FormValues[string] | undefined;
  problem: string | undefined;
  /** The resident pointed at this field (「ここが違います」). */
  flagged: boolean;
  disabled: boolean;
  onChange: (value: string | boolean) => void;
}

/** One field of a template as an input; the same rules as the server check it (formValueProblems). */
export function FormFieldInput({ field, value, problem, flagged, disabled, onChange }: FormFieldInputProps) {
  const id = `form-field-${field.key}`;
  const describedBy = problem ? `${id}-problem` : undefined;
  const text = typeof value === 'string' ? value : '';
  const common = { id, disabled, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, 'aria-required': field.required || undefined } as const;
  let input;
  switch (field.type) {
    case 'checkbox':
      input = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'choice':
      input = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.choiceNone}</option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label.ja}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      input = (
        <span className="form-field__date">
          <input {...common} type="date" value={text} min="1868-01-25" onChange={(e) => onChange(e.target.value)} />
          {text && field.calendar !== 'seireki' ? <span className="form-field__wareki">{formatWareki(text)}</span> : null}
        </span>
      );
      break;
    default:
      input = (
        <input
          {...common}
          type={field.type === 'phone' ? 'tel' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : field.type === 'phone' ? 'tel' : undefined}
          maxLength={200}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`form-field form-field--${field.type}${flagged ? ' form-field--flagged' : ''}`} data-field={field.key}>
      <label htmlFor={id}>
        {field.label.ja}
        {field.required ? <span className="form-field__required"> ({t.required})</span> : null}
      </label>
      {input}
      {problem ? (
        <span id={describedBy} className="form-field__problem" role="alert">
          {t.problems[problem as keyof typeof t.problems] ?? problem}
        </span>
      ) : null}
    </div>
  );
}
