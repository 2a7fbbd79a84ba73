/** "What do you want to do?" reaches every procedure of the REAL catalog, in plain words in four languages. */
import { describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { LANGS } from '../../src/model/lang';

describe('set-up intents', () => {
  const intents = catalog.intents ?? [];
  it('every procedure is one answer away, and every intent leads to a known procedure', () => {
    const reached = new Set(intents.flatMap((i) => i.procedures));
    expect(catalog.procedures.map((p) => p.id).filter((id) => !reached.has(id))).toEqual([]);
    expect([...reached].filter((id) => !catalog.procedures.some((p) => p.id === id))).toEqual([]);
  });
  it('names each intent in the four languages, the issue’s three among them', () => {
    for (const i of intents) for (const lang of LANGS) expect(i.label[lang], `${i.id}.${lang}`).toBeTruthy();
    const en = intents.map((i) => i.label.en);
    expect(en).toEqual(expect.arrayContaining(['Become Belgian', 'Register in Belgium as an EU citizen', 'Renew my identity card']));
    expect(intents.find((i) => i.id === 'become-belgian')!.procedures).toContain('nationality-declaration-12bis');
    expect(intents.find((i) => i.id === 'identity-card')!.procedures).toContain('eid-abroad-luxembourg');
  });
});
