/**
 * The language the catalog's own texts (product names, descriptions) are written in. The API
 * does not translate them, so they keep this `lang` in an English interface too: screen
 * readers pronounce them right and the browser hyphenates long words by Russian rules.
 */
export const CATALOG_LANGUAGE = 'ru';
