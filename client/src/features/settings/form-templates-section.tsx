import { useState } from 'react';
import type { FormTemplate } from '@madoguchi/contract/forms';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';
import { useApiData } from '../../hooks/use-api-data';
import { describeError } from '../../i18n/describe-error';
import { formMessages } from '../../i18n/form-messages';
import { archiveFormTemplate, getFormSettings, listFormTemplates, saveFormSettings } from '../forms/forms-api';
import { FormTemplateEditor } from './form-template-editor';

const t = formMessages.templates;

/**
 * 設定 → 申請書式: the templates of 書かない窓口. Every save is a new version (documents keep
 * theirs); a template is edited field by field in FormTemplateEditor.
 */
export function FormTemplatesSection() {
  const action = useAction();
  const templates = useApiData((o) => listFormTemplates({ ...o, archived: true }), 'form-templates');
  const settings = useApiData(getFormSettings, 'form-settings');
  /** undefined: not editing; null: a new template. */
  const [editing, setEditing] = useState<FormTemplate | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
<<<<<<< HEAD

  const save = async () => {
    if (!editing) return;
    setProblem(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(editing.text);
    } catch {
      setProblem(t.invalidJson);
      return;
    }
    const checked = FormTemplateInput.safeParse(parsed);
    if (!checked.success) {
      setProblem(checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
      return;
    }
    const saved = await action.perform((o) => saveFormTemplate(editing.familyId, checked.data, o));
    if (saved.ok) {
      setNotice(t.saved(saved.value.version));
      setEditing(null);
      templates.reload();
    }
  };
=======
  const [error, setError] = useState<unknown>(null);
>>>>>>> main

  const archive = async (template: FormTemplate) => {
    if ((await action.perform((o) => archiveFormTemplate(template.familyId, !template.archived, o))).ok) templates.reload();
  };

  const togglePrint = async (kioskPrintCopy: boolean) => {
    if ((await action.perform((o) => saveFormSettings({ kioskPrintCopy }, o))).ok) settings.reload();
  };

  return (
    <section className="card" aria-labelledby="form-templates-heading">
      <h2 id="form-templates-heading" className="card__title">
        {t.heading}
      </h2>
      <p className="page__hint">{t.intro}</p>
      {notice ? <Notice tone="success" text={notice} /> : null}
      {action.error || templates.error ? <Notice tone="error" text={action.error ?? describeError(templates.error)} /> : null}
      {settings.data ? (
        <label className="checkbox-field">
          <input type="checkbox" checked={settings.data.kioskPrintCopy} onChange={(e) => void togglePrint(e.target.checked)} />
          {t.printCopy}
          <span className="page__hint"> {t.printCopyHelp}</span>
        </label>
      ) : null}
      {templates.data && templates.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.department}</th>
              <th scope="col">{t.fields}</th>
              <th scope="col">{t.versions}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {templates.data.map((template) => (
              <tr key={template.familyId}>
                <td>
                  {template.title.ja}
                  {template.archived ? <span className="page__hint">（{t.archived}）</span> : null}
                </td>
                <td>{template.departmentName ?? '—'}</td>
                <td>{template.fields.length}</td>
                <td>{formMessages.version(template.version)}</td>
                <td>
                  <button type="button" className="button button--small button--secondary" onClick={() => {
                      setNotice(null);
                      setEditing(template);
                    }}>
                    {t.edit}
                  </button>{' '}
                  <button type="button" className="button button--small button--secondary" onClick={() => void archive(template)}>
                    {template.archived ? t.restore : t.archive}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing !== undefined ? (
        <FormTemplateEditor
          key={editing?.templateId ?? 'new'}
          template={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            setNotice(t.saved(saved.version));
            setEditing(undefined);
            templates.reload();
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setNotice(null);
            setEditing(null);
          }}
        >
<<<<<<< HEAD
          <label htmlFor="form-template-definition">{t.definition}</label>
          <p id="form-template-help" className="page__hint">
            {t.definitionHelp}
          </p>
          <textarea
            id="form-template-definition"
            aria-describedby="form-template-help"
            rows={20}
            spellCheck={false}
            value={editing.text}
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
          />
          {problem ? (
            <pre className="form-field__problem" role="alert">
              {problem}
            </pre>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={action.busy}>
              {t.save}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setEditing({ familyId: null, text: JSON.stringify(NEW_TEMPLATE, null, 2) })}>
=======
>>>>>>> main
          {t.create}
        </button>
      )}
    </section>
  );
}
