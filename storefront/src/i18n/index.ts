/** i18next set-up: Russian by default, English on request; the choice is remembered. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ru';
export const LANGUAGE_STORAGE_KEY = 'b2b.language';

export const resources = { ru: { translation: ru }, en: { translation: en } } as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language, or Russian. */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/** Creates and initialises the i18next instance; keeps <html lang> and storage in step. */
export function createI18n(language: Language, storage?: Pick<Storage, 'setItem'>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  });
  const apply = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
    storage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  };
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  instance.on('languageChanged', apply);
  return instance;
}
