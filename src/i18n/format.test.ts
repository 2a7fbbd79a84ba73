import { describe, expect, it } from 'vitest';
import { LANGS } from '../model/lang';
import { formatBytes, formatDay, formatList, formatMoment, formatMoney, languageName, ownLanguageName, plural } from './format';
import { DASHBOARD_STRINGS } from './dashboard';

describe('the one formatter', () => {
  it('writes a day the way each language does, and leaves a non-date alone', () => {
    expect(formatDay('2026-05-12', 'fr')).toBe('12 mai 2026');
    expect(formatDay('2026-05-12', 'nl')).toBe('12 mei 2026');
    expect(formatDay('2026-05-12', 'de')).toBe('12. Mai 2026');
    expect(formatDay('2026-05-12', 'en')).toBe('12 May 2026');
    expect(formatDay('soon', 'fr')).toBe('soon');
    expect(formatMoment('2026-05-12T09:30', 'en')).toBe('12 May 2026, 09:30');
    expect(formatMoment('2026-05-12', 'en')).toBe('12 May 2026');
  });

  it('writes euros and sizes with the language’s separators and units', () => {
    expect(formatMoney(1234.5, 'fr').replace(/\s/g, ' ')).toBe('1 234,50 €');
    expect(formatMoney(1234.5, 'en')).toBe('€1,234.50');
    expect(formatBytes(1536 * 1024, 'fr').replace(/\s/g, ' ')).toBe('1,5 Mo');
    expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
  });

  it('picks plural forms by the language’s rules, not by n === 1', () => {
    const days = { one: '{n} jour', other: '{n} jours' };
    expect(plural(0, 'fr', days)).toBe('0 jour');
    expect(plural(2, 'fr', days)).toBe('2 jours');
    expect(plural(0, 'en', { one: '{n} day', other: '{n} days' })).toBe('0 days');
    expect(DASHBOARD_STRINGS.en.progressCount(1, 1)).toBe('1 of 1 document ready');
    expect(DASHBOARD_STRINGS.fr.progressCount(2, 3)).toBe('2 documents prêts sur 3');
    expect(DASHBOARD_STRINGS.de.backupImported(1)).toBe('Sicherung importiert: 1 Akte.');
  });

  it('joins lists and names languages in the UI language', () => {
    expect(formatList(['français', 'anglais'], 'fr')).toBe('français et anglais');
    expect(formatList(['Frans', 'Engels'], 'nl')).toBe('Frans en Engels');
    expect(languageName('nl', 'fr')).toBe('néerlandais');
    expect(languageName('fr', 'de')).toBe('Französisch');
    expect(LANGS.map(ownLanguageName)).toEqual(['Français', 'Nederlands', 'Deutsch', 'English']);
  });
});
