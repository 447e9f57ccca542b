import { useState } from 'react';
import type { FormTemplate } from '@madoguchi/contract/forms';
import { SettingsCard } from '../../components/settings-card';
import { useApi } from '../../hooks/use-api';
import { useApiData } from '../../hooks/use-api-data';
import { formMessages } from '../../i18n/form-messages';
import { archiveFormTemplate, getFormSettings, listFormTemplates, saveFormSettings } from '../forms/forms-api';
import { FormTemplateEditor } from './form-template-editor';

const t = formMessages.templates;

/**
 * 設定 → 申請書式: the templates of 書かない窓口. Every save is a new version (documents keep
 * theirs); a template is edited field by field in FormTemplateEditor.
 */
export function FormTemplatesSection() {
  const { run } = useApi();
  const templates = useApiData((o) => listFormTemplates({ ...o, archived: true }), 'form-templates');
  const settings = useApiData(getFormSettings, 'form-settings');
  /** undefined: not editing; null: a new template. */
  const [editing, setEditing] = useState<FormTemplate | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const archive = async (template: FormTemplate) => {
    setError(null);
    try {
      await run((o) => archiveFormTemplate(template.familyId, !template.archived, o));
      templates.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const togglePrint = async (kioskPrintCopy: boolean) => {
    setError(null);
    try {
      await run((o) => saveFormSettings({ kioskPrintCopy }, o));
      settings.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <SettingsCard headingId="form-templates-heading" heading={t.heading} lead={t.intro} notice={notice} error={error ?? templates.error}>
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
          {t.create}
        </button>
      )}
    </SettingsCard>
  );
}
