import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with plural suffixes folded: `found_one`, `found_few` → `found`. */
function baseKeys(messages: Map<string, string>): Set<string> {
  return new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const locales = { ru: flatten(ru), en: flatten(en) };

describe('locale files', () => {
  it('have exactly the same keys in Russian and English (plural forms aside)', () => {
    const ruKeys = [...baseKeys(locales.ru)].sort();
    const enKeys = [...baseKeys(locales.en)].sort();
    expect(enKeys).toEqual(ruKeys);
  });

  it.each(Object.entries(locales))('give every plural key all forms %s needs', (language, messages) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = [...messages.keys()].filter((key) => PLURAL_SUFFIX.test(key));
    for (const base of new Set(plurals.map((key) => key.replace(PLURAL_SUFFIX, '')))) {
      for (const category of needed) {
        expect(messages.has(`${base}_${category}`), `${language}: ${base}_${category}`).toBe(true);
      }
      expect(messages.has(base), `${language}: ${base} is both plain and plural`).toBe(false);
    }
  });

  it('have no empty messages', () => {
    for (const [language, messages] of Object.entries(locales)) {
      for (const [key, text] of messages) expect(text.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const key of baseKeys(locales.ru)) {
      const forms = (messages: Map<string, string>) =>
        [...messages.entries()].filter(([k]) => k.replace(PLURAL_SUFFIX, '') === key);
      const ruVariables = new Set(forms(locales.ru).flatMap(([, text]) => variables(text)));
      const enVariables = new Set(forms(locales.en).flatMap(([, text]) => variables(text)));
      expect([...enVariables].sort(), key).toEqual([...ruVariables].sort());
    }
  });
});
