import type { Language } from '@madoguchi/contract/languages';
import { LANGUAGE_CHOICES } from '../i18n/messages';

export interface LanguagePickerProps {
  current: Language;
  label: string;
  onChoose: (language: Language) => void;
}

/** Each language named in itself, so a resident finds their own without reading Japanese. */
export function LanguagePicker({ current, label, onChoose }: LanguagePickerProps) {
  return (
    <nav className="language-picker" aria-label={label}>
      {LANGUAGE_CHOICES.map(({ language, label: name, htmlLang }) => (
        <button
          key={language}
          type="button"
          lang={htmlLang}
          className="language-picker__button"
          aria-pressed={language === current}
          onClick={() => onChoose(language)}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}
