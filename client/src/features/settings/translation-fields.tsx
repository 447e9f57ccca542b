import { LANGUAGES } from '@madoguchi/contract/languages';
import type { Language } from '@madoguchi/contract/languages';
import { FormField } from '../../components/form-field';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';

const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== 'ja');
const f = departmentMessages.fields;

export interface TranslationFieldsProps {
  translations: Partial<Record<Language, string>>;
  onChange: (translations: Partial<Record<Language, string>>) => void;
}

/** A department's name in each kiosk language other than Japanese. */
export function TranslationFields({ translations, onChange }: TranslationFieldsProps) {
  return (
    <fieldset className="checkbox-group">
      <legend className="field__label">{f.translations}</legend>
      <p className="field__hint">{f.translationsHint}</p>
      <div className="form-grid">
        {OTHER_LANGUAGES.map((language) => (
          <FormField key={language} label={common.language[language]}>
            {(c) => <input {...c} maxLength={80} value={translations[language] ?? ''} onChange={(e) => onChange({ ...translations, [language]: e.target.value })} />}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
