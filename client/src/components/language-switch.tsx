import { UI_LANGUAGES, currentLanguage, switchLanguage } from '../i18n/language';
import type { UiLanguage } from '../i18n/language';

export interface LanguageSwitchProps {
  label: string;
  names: Record<UiLanguage, string>;
  onDark?: boolean;
}

/** Two toggle buttons; each language's name is written in that language. */
export function LanguageSwitch({ label, names, onDark = false }: LanguageSwitchProps) {
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={label}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={`button ${onDark ? 'button--on-dark' : 'button--secondary'} language-switch__button`}
          aria-pressed={language === active}
          onClick={() => switchLanguage(language)}
        >
          {names[language]}
        </button>
      ))}
    </div>
  );
}
