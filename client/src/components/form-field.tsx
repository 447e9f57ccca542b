import { useId } from 'react';
import type { ReactNode } from 'react';

/** Props to spread on the one control a field labels. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  required?: boolean;
}

export interface FormFieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  /** Text such as 「必須」 shown after the label when `required`. */
  requiredLabel?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, the control, a hint and an error message, all wired together by id. */
export function FormField({ label, hint, error, required = false, requiredLabel, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const control: FieldControlProps = { id, required };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && requiredLabel ? <span className="field__required">{requiredLabel}</span> : null}
      </label>
      {children(control)}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
