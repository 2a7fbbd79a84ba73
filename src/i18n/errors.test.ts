import { describe, expect, it } from 'vitest';
import { LANGS } from '../model/lang';
import { AppFailure, ERROR_CODES } from '../model/errors';
import { ERROR_TEXTS, describeError, errorText } from './errors';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error texts', () => {
  it('every error code has a text in every language, with the same slots in each', () => {
    for (const code of ERROR_CODES) {
      for (const lang of LANGS) {
        const text = ERROR_TEXTS[lang][code];
        expect(text, `${lang} ${code}`).toBeTruthy();
        expect(text, `${lang} ${code} is a sentence, not the code`).not.toContain(code);
        expect(slots(text), `${lang} ${code}`).toEqual(slots(ERROR_TEXTS.en[code]));
      }
    }
    for (const lang of LANGS) expect(Object.keys(ERROR_TEXTS[lang]).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('no two codes say the same thing in one language (a copy-paste would hide which went wrong)', () => {
    for (const lang of LANGS) expect(new Set(Object.values(ERROR_TEXTS[lang])).size, lang).toBe(ERROR_CODES.length);
  });

  it('fills the parameters of a refusal, and says anything else is an internal failure', () => {
    expect(errorText(new AppFailure({ code: 'input.invalid-date', params: { value: '31/02' } }), 'fr')).toBe(
      '« 31/02 » n’est pas une date que Be Civic sait lire. Écrivez-la comme sur le document, par exemple 12/05/2026.',
    );
    expect(errorText({ code: 'backup.invalid', params: { count: 3, problems: 'dossiers.0.id' } }, 'de')).toBe('Diese Sicherung ist beschädigt (3 Probleme gefunden). Nichts wurde geändert.');
    expect(errorText(new TypeError('x is undefined'), 'nl')).toBe(ERROR_TEXTS.nl.internal);
    expect(describeError({ code: 'input.invalid-date' }, ERROR_TEXTS.en)).not.toMatch(/[{}]/);
  });
});
