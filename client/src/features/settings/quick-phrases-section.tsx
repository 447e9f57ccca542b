import { useState } from 'react';
import type { FormEvent } from 'react';
import { LANGUAGES, type Language } from '@madoguchi/contract/languages';
import { createQuickPhrase, deleteQuickPhrase, listQuickPhrases } from '../../api/quick-phrases-api';
import { FormField } from '../../components/form-field';
import { SettingsCard } from '../../components/settings-card';
import { useAction } from '../../hooks/use-action';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { pick } from '../../i18n/language';

const t = pick({
  ja: {
    heading: '定型文',
    lead: '職員が通話中に押す定型文です。職員には日本語で、端末では住民の方が選んだ言語で表示されます。訳のない言語では日本語のまま「翻訳なし」と表示されます。',
    add: '定型文を追加',
    japanese: '日本語（職員に表示）',
    translations: (n: number) => `翻訳 ${n}/7 言語`,
    remove: '削除',
    added: '定型文を追加しました。',
    removed: '定型文を削除しました。',
    empty: '定型文はまだありません。',
    tableCaption: '定型文の一覧',
    columns: { text: '日本語', translations: '翻訳', actions: '操作' },
  },
  en: {
    heading: 'Quick phrases',
    lead: "Phrases staff press during a call. Staff see the Japanese; the kiosk shows the resident's language. Where a translation is missing the kiosk shows the Japanese, marked as untranslated.",
    add: 'Add phrase',
    japanese: 'Japanese (shown to staff)',
    translations: (n: number) => `Translated into ${n} of 7 languages`,
    remove: 'Remove',
    added: 'Phrase added.',
    removed: 'Phrase removed.',
    empty: 'No quick phrases yet.',
    tableCaption: 'Quick phrases',
    columns: { text: 'Japanese', translations: 'Translations', actions: 'Actions' },
  },
});
const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== 'ja');

/** 設定 → 定型文: the quick phrases with their translations, added and removed by admins. */
export function QuickPhrasesSection() {
  const action = useAction();
  const phrases = useApiData(listQuickPhrases, 'quick-phrases');
  const [texts, setTexts] = useState<Partial<Record<Language, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ja = texts.ja?.trim() ?? '';
    if (!ja) return;
    if ((await action.perform((o) => createQuickPhrase({ texts: { ...texts, ja } }, o))).ok) {
      setTexts({});
      setNotice(t.added);
      phrases.reload();
    }
  };

  const remove = async (id: string) => {
    if ((await action.perform((o) => deleteQuickPhrase(id, o))).ok) {
      setNotice(t.removed);
      phrases.reload();
    }
  };

  return (
    <SettingsCard headingId="quick-phrases-heading" heading={t.heading} lead={t.lead} notice={notice} error={action.error ?? phrases.error}>
      {phrases.data && phrases.data.length === 0 ? <p>{t.empty}</p> : null}
      {phrases.data && phrases.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.text}</th>
              <th scope="col">{t.columns.translations}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {phrases.data.map((phrase) => (
              <tr key={phrase.id}>
                <td>{phrase.texts.ja}</td>
                <td>{t.translations(OTHER_LANGUAGES.filter((l) => phrase.texts[l]).length)}</td>
                <td>
                  <button type="button" className="button button--small button--secondary" onClick={() => void remove(phrase.id)} aria-label={`${t.remove}: ${phrase.texts.ja}`}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <FormField label={t.japanese} required requiredLabel={common.required}>
          {(c) => <input {...c} maxLength={200} value={texts.ja ?? ''} onChange={(e) => setTexts({ ...texts, ja: e.target.value })} />}
        </FormField>
        {OTHER_LANGUAGES.map((language) => (
          <FormField key={language} label={common.language[language]}>
            {(c) => <input {...c} maxLength={200} value={texts[language] ?? ''} onChange={(e) => setTexts({ ...texts, [language]: e.target.value })} />}
          </FormField>
        ))}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy || !texts.ja?.trim()}>
            {t.add}
          </button>
        </div>
      </form>
    </SettingsCard>
  );
}
