import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n';

const NATIVE_NAMES: Record<Language, string> = { ru: 'Русский', en: 'English' };
const SHORT: Record<Language, string> = { ru: 'RU', en: 'EN' };

/** Two toggle buttons, RU and EN; each names its language in that language. */
export function LanguageSwitcher({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`lang-switch lang-switch--${tone}`} role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-switch__item"
          aria-pressed={i18n.language === language}
          title={NATIVE_NAMES[language]}
          onClick={() => void i18n.changeLanguage(language)}
        >
          <span aria-hidden>{SHORT[language]}</span>
          <span className="ui-visually-hidden">{NATIVE_NAMES[language]}</span>
        </button>
      ))}
    </div>
  );
}
