import { describe, expect, it } from 'vitest';
import { BOOT, fill } from './boot';
import { PANEL_STRINGS as STRINGS } from '../i18n/panel';
import { LANGS } from '../i18n';

describe('panel words', () => {
  it('fills named slots and leaves unknown ones visible', () => {
    expect(fill('For “{requirement}” — dossier “{dossier}”', { requirement: 'Birth certificate', dossier: 'Me' })).toBe('For “Birth certificate” — dossier “Me”');
    expect(fill('Saved: {value} {other}', { value: '{dossier}' })).toBe('Saved: {dossier} {other}');
  });
  it('has every word in every UI language, with the same slots as English', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LANGS) {
      const words = STRINGS[lang];
      for (const [key, english] of Object.entries(STRINGS.en)) {
        const value = words[key as keyof typeof words];
        expect(value, `${lang}.${key}`).toBeTruthy();
        if (typeof english === 'string') expect(slots(value as string), `${lang}.${key}`).toEqual(slots(english));
        else expect(Object.keys(value as object).sort(), `${lang}.${key}`).toEqual(Object.keys(english).sort());
      }
      expect(BOOT[lang].loading).toBe(words.loading);
      expect(BOOT[lang].collapse).toBe(words.collapse);
      expect(BOOT[lang].expand).toBe(words.expand);
    }
  });
});
