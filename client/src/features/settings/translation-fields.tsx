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
  /** Defaults: a department's name. */
  legend?: string;
  hint?: string;
  maxLength?: number;
}

/** A name or label in each kiosk language other than Japanese (a department's by default). */
export function TranslationFields({ translations, onChange, legend = f.translations, hint = f.translationsHint, maxLength = 80 }: TranslationFieldsProps) {
  return (
    <fieldset className="checkbox-group">
      <legend className="field__label">{legend}</legend>
      <p className="field__hint">{hint}</p>
      <div className="form-grid">
        {OTHER_LANGUAGES.map((language) => (
          <FormField key={language} label={common.language[language]}>
            {(c) => <input {...c} maxLength={maxLength} value={translations[language] ?? ''} onChange={(e) => onChange({ ...translations, [language]: e.target.value })} />}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
