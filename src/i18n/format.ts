/**
 * The one place that writes dates, amounts, counts, lists and language names the way each UI language
 * writes them, on the browser's own Intl (no library, no table of month names). Every surface — panel,
 * dashboard, welcome page, PDF — formats through here, so a date reads the same everywhere.
 */
import type { Lang } from '../model/lang';

/** Belgian conventions for the three national languages; English as written in Europe (day first). */
export const LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' };

/**
 * One Intl formatter per language and kind, made once: building a DateTimeFormat costs far more than
 * using it, and a long PDF formats hundreds of dates (it was a tenth of the export time).
 */
function cached<T>(make: (locale: string) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let f = made.get(lang);
    if (!f) made.set(lang, (f = make(LOCALES[lang])));
    return f;
  };
}
const dayFormat = cached((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const stampFormat = cached((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }));
const moneyFormat = cached((l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR' }));
const numberFormat = cached((l) => new Intl.NumberFormat(l));
const pluralRules = cached((l) => new Intl.PluralRules(l));

/** A calendar day (YYYY-MM-DD) the way the language writes dates, e.g. "12 mai 2026"; anything else as given. */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dayFormat(lang).format(Date.UTC(y, m - 1, d));
}

/** A local date-time (YYYY-MM-DDTHH:mm, Belgian wall-clock time, no zone) with its day written out. */
export function formatMoment(local: string, lang: Lang): string {
  const [day, time] = local.split('T');
  return time ? `${formatDay(day ?? local, lang)}, ${time}` : formatDay(day ?? local, lang);
}

/** A moment (milliseconds since the epoch) as a short date and time in the browser's zone, e.g. a history entry. */
export function formatTimestamp(at: number, lang: Lang): string {
  return stampFormat(lang).format(at);
}

export function formatMoney(amount: number, lang: Lang): string {
  return moneyFormat(lang).format(amount);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in bytes, in the largest unit under 1024 of it, with the language's unit names. */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** The forms of a counted phrase; `{n}` is replaced by the number written the language's way. */
export type PluralForms = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The form the language's plural rules pick for `n` (French says "1,5 jour" and "0 jour": one, not other). */
export function plural(n: number, lang: Lang, forms: PluralForms): string {
  const rule = pluralRules(lang).select(n);
  return (forms[rule] ?? forms.other).replace('{n}', numberFormat(lang).format(n));
}

/** "a, b and c" (or "a, b ou c" with `or`), with the language's own conjunction and commas. */
export function formatList(items: readonly string[], lang: Lang, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type }).format(items);
}

/** A language's name in the UI language ("néerlandais" on a French screen). */
export function languageName(of: Lang, lang: Lang): string {
  return new Intl.DisplayNames(LOCALES[lang], { type: 'language' }).of(of) ?? of;
}

/** A language's name in that language itself, capitalised as a menu entry ("Français", "Nederlands"). */
export function ownLanguageName(of: Lang): string {
  const name = languageName(of, of);
  return name.charAt(0).toLocaleUpperCase(LOCALES[of]) + name.slice(1);
}
