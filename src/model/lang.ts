/**
 * The languages Be Civic speaks, written once: every schema, table and select takes them from here.
 * The UI languages are Belgium's three official languages plus English for newcomers; a commune works
 * in one or more of the official ones only.
 */
export const LANGS = ['fr', 'nl', 'de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const OFFICIAL_LANGS = ['fr', 'nl', 'de'] as const;
export type OfficialLang = (typeof OFFICIAL_LANGS)[number];

/** A text in the UI languages; French is always there because every source is French-first. */
export type LocalText = { fr: string; nl?: string; de?: string; en?: string };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
