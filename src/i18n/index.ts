/**
 * Picks the user's language from a catalog text, saying when it had to fall back, so the UI can tell
 * the user that a text is shown in another language (issue: the panel says when a text falls back).
 */
import { LANGS, type Lang, type LocalText } from '../model/lang';

export { LANGS, isLang, type Lang, type LocalText } from '../model/lang';

/** The order we fall back in: the user's language, then English, then French (every text has French). */
export function localise(text: LocalText, lang: Lang): { text: string; lang: Lang; fallback: boolean } {
  for (const candidate of [lang, 'en', 'fr'] as const) {
    const value = text[candidate];
    if (value) return { text: value, lang: candidate, fallback: candidate !== lang };
  }
  return { text: text.fr, lang: 'fr', fallback: lang !== 'fr' };
}

/** The first supported language among the browser's preferences, or French. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
  }
  return 'fr';
}
