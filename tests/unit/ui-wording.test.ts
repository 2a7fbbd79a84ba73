/**
 * No internal wording in the interface's own words either: every string of every UI table in src/i18n
 * (dashboard, guidance, PDF, panel, welcome page, reminders, error texts), in the four languages —
 * phrases built by functions included, called with sample values — is free of seed numbers, file names,
 * notes meant for us. The PDFs themselves are read back with pdftotext in the browser test.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_STRINGS } from '../../src/i18n/dashboard';
import { ERROR_TEXTS } from '../../src/i18n/errors';
import { GUIDANCE_STRINGS } from '../../src/i18n/guidance';
import { PANEL_STRINGS } from '../../src/i18n/panel';
import { PDF_STRINGS } from '../../src/i18n/pdf';
import { REMINDER_STRINGS } from '../../src/i18n/reminder';
import { WELCOME } from '../../src/i18n/welcome';
import { LANGS } from '../../src/model/lang';
import { flagged } from '../support/wording';

const TABLES = { dashboard: DASHBOARD_STRINGS, guidance: GUIDANCE_STRINGS, pdf: PDF_STRINGS, panel: PANEL_STRINGS, welcome: WELCOME, reminder: REMINDER_STRINGS, errors: ERROR_TEXTS };

/** Every string a table can produce: its strings, and its functions called with a sample of each kind of argument. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'function') {
    for (const sample of [['Amira', 'Auderghem', 'x'], [2, 3, 4], ['Amira', 2, 3]]) {
      let out: unknown;
      try {
        out = (value as (...a: unknown[]) => unknown)(...sample);
      } catch {
        continue;
      }
      yield* strings(out, `${path}(…)`);
    }
  } else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

describe('internal wording in the UI tables', () => {
  it('the walk reaches strings built by functions', () => {
    const found = [...strings({ a: 'x', f: (n: string) => `seed ${n}` }, 't')];
    expect(found.some(([, s]) => flagged(s).includes('a seed number'))).toBe(true);
  });

  it('no string of any table, in any language, carries internal wording', () => {
    const problems: string[] = [];
    let count = 0;
    for (const [name, table] of Object.entries(TABLES)) {
      for (const lang of LANGS) {
        for (const [path, text] of strings((table as Record<string, unknown>)[lang], `${name}.${lang}`)) {
          count++;
          const why = flagged(text);
          if (why.length > 0) problems.push(`${path}: ${why.join(', ')}: ${text.slice(0, 120)}`);
        }
      }
    }
    expect(count).toBeGreaterThan(1500);
    expect(problems).toEqual([]);
  });

  it('every table speaks all four languages with the same keys', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      const keys = (lang: string) => Object.keys((table as Record<string, object>)[lang] ?? {}).sort();
      for (const lang of LANGS) expect(keys(lang), `${name}.${lang}`).toEqual(keys('en'));
    }
  });
});
