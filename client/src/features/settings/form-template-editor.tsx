import { useEffect, useRef, useState } from 'react';
import { FORM_FIELD_TYPES, FORM_PREFILLS, type FormTemplate, type LocalizedLabel } from '@madoguchi/contract/forms';
import { FormField } from '../../components/form-field';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-reference-data';
import { describeError } from '../../i18n/describe-error';
import { formMessages } from '../../i18n/form-messages';
import { Notice } from '../../components/notice';
import { saveFormTemplate } from '../forms/forms-api';
import { addField, draftOf, draftProblems, moveField, removeField, updateField, type FieldDraft, type ProblemWords, type TemplateDraft } from './form-template-draft';
import { TranslationFields } from './translation-fields';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';

const t = formMessages.editor;
const p = t.problems;

/** zod's findings about a draft, in the editor's words (the schema is the contract's). */
const problemWords: ProblemWords = (path, code, message) => {
  const last = path[path.length - 1];
  if (code === 'too_big') return path[0] === 'note' ? p.note : path.length === 1 && path[0] === 'fields' ? p.tooManyFields : p.tooLong;
  if (path[0] === 'title') return p.title;
  if (path[0] === 'note') return p.note;
  if (path.length === 1 && path[0] === 'fields') return code === 'custom' ? p.duplicateKey(message.replace(/^two fields use the key /, '')) : p.noFields;
  if (path[2] === 'key') return p.key;
  if (path[2] === 'label') return p.label;
  if (path[2] === 'options' && path.length === 3) return code === 'custom' ? p.optionsDiffer : p.options;
  if (path[2] === 'options' && last === 'value') return p.optionValue;
  if (path[2] === 'options') return p.optionLabel;
  return `${path.join('.')}: ${message}`;
};

const withJa = (label: LocalizedLabel, translations: Partial<Record<string, string>>): LocalizedLabel => ({ ...translations, ja: label.ja }) as LocalizedLabel;

interface FieldEditorProps {
  field: FieldDraft;
  index: number;
  count: number;
  problems: readonly string[];
  onChange: (patch: Partial<Omit<FieldDraft, 'uid'>>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One field: its label, type, whether it is required, where it is filled from, and its type's own settings. */
function FieldEditor({ field, index, count, problems, onChange, onMove, onRemove }: FieldEditorProps) {
  const name = field.label.ja.trim() || t.untitled;
  const legendId = `template-field-${field.uid}`;
  return (
    <fieldset className={`template-field${problems.length > 0 ? ' template-field--invalid' : ''}`} data-field-uid={field.uid} aria-labelledby={legendId}>
      <legend id={legendId} className="template-field__legend">
        {t.fieldLegend(index + 1, name)}
      </legend>
      {problems.length > 0 ? (
        <ul className="template-field__problems">
          {problems.map((problem) => (
            <li key={problem} className="field__error">
              {problem}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-grid form-grid--dense">
        <FormField label={t.label} required requiredLabel={formMessages.required}>
          {(c) => <input {...c} maxLength={80} value={field.label.ja} onChange={(e) => onChange({ label: { ...field.label, ja: e.target.value } })} />}
        </FormField>
        <SelectField label={t.type} value={field.type} choices={choicesOf(FORM_FIELD_TYPES, formMessages.types)} onChange={(type) => onChange({ type })} />
        <SelectField
          label={t.prefill}
          value={field.type === 'checkbox' ? '' : field.prefill}
          disabled={field.type === 'checkbox'}
          emptyLabel={t.prefills.none}
          choices={choicesOf(FORM_PREFILLS, t.prefills)}
          onChange={(prefill) => onChange({ prefill })}
        />
        <FormField label={t.key} hint={t.keyHint}>
          {(c) => <input {...c} maxLength={40} spellCheck={false} autoCapitalize="off" value={field.key} onChange={(e) => onChange({ key: e.target.value })} />}
        </FormField>
        {field.type === 'date' ? (
          <FormField label={t.calendar}>
            {(c) => (
              <select {...c} value={field.calendar} onChange={(e) => onChange({ calendar: e.target.value === 'seireki' ? 'seireki' : 'wareki' })}>
                <option value="wareki">{t.calendars.wareki}</option>
                <option value="seireki">{t.calendars.seireki}</option>
              </select>
            )}
          </FormField>
        ) : null}
        <label className="checkbox-field">
          <input type="checkbox" checked={field.required} onChange={(e) => onChange({ required: e.target.checked })} />
          {t.required}
        </label>
      </div>
      {field.type === 'choice' ? (
        <fieldset className="template-field__options">
          <legend className="field__label">{t.options}</legend>
          {field.options.map((option, i) => (
            <div key={i} className="template-field__option">
              <FormField label={t.optionLabel(i + 1)}>
                {(c) => (
                  <input
                    {...c}
                    maxLength={80}
                    value={option.label.ja}
                    onChange={(e) => onChange({ options: field.options.map((o, j) => (j === i ? { ...o, label: { ...o.label, ja: e.target.value } } : o)) })}
                  />
                )}
              </FormField>
              <FormField label={t.optionValue(i + 1)}>
                {(c) => (
                  <input
                    {...c}
                    maxLength={40}
                    spellCheck={false}
                    value={option.value}
                    onChange={(e) => onChange({ options: field.options.map((o, j) => (j === i ? { ...o, value: e.target.value } : o)) })}
                  />
                )}
              </FormField>
              <button type="button" className="button button--small button--secondary" disabled={field.options.length <= 2} onClick={() => onChange({ options: field.options.filter((_o, j) => j !== i) })}>
                {t.removeOption(i + 1)}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={field.options.length >= 20}
            onClick={() => onChange({ options: [...field.options, { value: `option${field.options.length + 1}`, label: { ja: '' } }] })}
          >
            {t.addOption}
          </button>
        </fieldset>
      ) : null}
      <details className="template-field__translations">
        <summary>{t.labelTranslations}</summary>
        <TranslationFields legend={t.labelTranslations} hint={t.translationsHint} maxLength={120} translations={field.label} onChange={(translations) => onChange({ label: withJa(field.label, translations) })} />
      </details>
      <div className="template-field__actions">
        <button type="button" className="button button--small button--secondary" data-action="up" disabled={index === 0} aria-label={t.moveUp(name)} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button button--small button--secondary" data-action="down" disabled={index === count - 1} aria-label={t.moveDown(name)} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button button--small button--danger" disabled={count <= 1} aria-label={t.remove(name)} onClick={onRemove}>
          {formMessages.templates.remove}
        </button>
      </div>
    </fieldset>
  );
}

export interface FormTemplateEditorProps {
  /** null: a new template; otherwise its latest version, saved as the next one. */
  template: FormTemplate | null;
  onSaved: (saved: FormTemplate) => void;
  onCancel: () => void;
}

/**
 * 設定 → 申請書式, one template field by field: add, remove and reorder fields, choose their
 * type, whether they are required and what fills them from the booking. The contract's zod schema
 * checks the draft here (problems shown at the field they concern) and again on the server.
 */
export function FormTemplateEditor({ template, onSaved, onCancel }: FormTemplateEditorProps) {
  const { run } = useApi();
  const departments = useDepartments();
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(template));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a move the buttons are re-rendered elsewhere: focus follows the field moved.
  const [focus, setFocus] = useState<{ uid: number; action: 'up' | 'down' } | null>(null);
  const root = useRef<HTMLFormElement>(null);
  const { input, problems } = draftProblems(draft, problemWords);

  useEffect(() => {
    if (!focus) return;
    const box = root.current?.querySelector(`[data-field-uid="${focus.uid}"]`);
    const wanted = box?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]`);
    const other = box?.querySelector<HTMLButtonElement>(`[data-action="${focus.action === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocus(null);
  }, [focus]);

  const save = async () => {
    setChecked(true);
    if (!input) {
      root.current?.querySelector<HTMLElement>('.template-editor__summary')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await run((o) => saveFormTemplate(template?.familyId ?? null, input, o)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const shown = checked ? problems : { general: [], byField: new Map<number, string[]>() };
  const hasProblems = shown.general.length > 0 || shown.byField.size > 0;

  return (
    <form
      ref={root}
      className="template-editor"
      aria-labelledby="template-editor-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="template-editor-heading">{template ? t.heading(template.title.ja) : t.newHeading}</h3>
      {hasProblems ? (
        <div className="template-editor__summary notice notice--error" role="alert" tabIndex={-1}>
          <p className="notice__text">{t.fixFirst}</p>
          {shown.general.length > 0 ? (
            <ul>
              {shown.general.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? <Notice tone="error" text={describeError(error)} /> : null}
      <div className="form-grid">
        <FormField label={t.titleJa} required requiredLabel={formMessages.required}>
          {(c) => <input {...c} maxLength={80} value={draft.title.ja} onChange={(e) => setDraft({ ...draft, title: { ...draft.title, ja: e.target.value } })} />}
        </FormField>
        <SelectField
          label={formMessages.templates.department}
          value={draft.departmentId ?? ''}
          emptyLabel={t.noDepartment}
          choices={(departments.data ?? []).map((department) => ({ value: department.id, label: department.name }))}
          onChange={(id) => setDraft({ ...draft, departmentId: id || null })}
        />
        <FormField label={t.note} hint={t.noteHint}>
          {(c) => <textarea {...c} rows={2} maxLength={400} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />}
        </FormField>
      </div>
      <details className="template-field__translations">
        <summary>{t.titleTranslations}</summary>
        <TranslationFields legend={t.titleTranslations} hint={t.translationsHint} maxLength={120} translations={draft.title} onChange={(translations) => setDraft({ ...draft, title: withJa(draft.title, translations) })} />
      </details>
      <h4>{t.fieldsHeading}</h4>
      <ol className="template-editor__fields">
        {draft.fields.map((field, index) => (
          <li key={field.uid}>
            <FieldEditor
              field={field}
              index={index}
              count={draft.fields.length}
              problems={shown.byField.get(field.uid) ?? []}
              onChange={(patch) => setDraft((prev) => updateField(prev, field.uid, patch))}
              onMove={(by) => {
                setDraft((prev) => moveField(prev, field.uid, by));
                setAnnouncement(t.moved(field.label.ja.trim() || t.untitled, index + 1 + by));
                setFocus({ uid: field.uid, action: by < 0 ? 'up' : 'down' });
              }}
              onRemove={() => {
                setDraft((prev) => removeField(prev, field.uid));
                setAnnouncement(t.removed(field.label.ja.trim() || t.untitled));
              }}
            />
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={draft.fields.length >= 40}
        onClick={() => {
          setDraft((prev) => addField(prev));
          // The new field's label is where the admin types next.
          setTimeout(() => root.current?.querySelector<HTMLInputElement>('.template-editor__fields > li:last-child input')?.focus(), 0);
        }}
      >
        {t.addField}
      </button>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {formMessages.templates.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {formMessages.templates.cancel}
        </button>
      </div>
    </form>
  );
}
