/**
 * The fact ledger (catalog/ledger/): every row must resolve and hold, and every seed citation must be
 * backed by a row. The second half proves the check bites: it edits an in-memory copy of the catalog
 * (one fee, one alternative, one validity rule) and expects exactly the rows standing for them to fail.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { loadCatalog, type Catalog } from '../../src/catalog/load';
import { readLedgers, checkLedger, parseLedger, parsePath, checkRow, type LedgerRow } from '../../src/catalog/ledger';
import type { RequirementNode } from '../../src/catalog/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const { catalog } = loadCatalog(join(ROOT, 'catalog'));
const ledger = readLedgers(join(ROOT, 'catalog', 'ledger'));

function findNode(root: RequirementNode, id: string): RequirementNode {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.id === id) return n;
    if ('allOf' in n) stack.push(...n.allOf);
    if ('oneOf' in n) stack.push(...n.oneOf);
  }
  throw new Error(`no node ${id}`);
}
const failing = (c: Catalog, rows: LedgerRow[]) => new Set(checkLedger(c, rows, ledger.seeds).failures.map((f) => f.where));
const rowsAt = (path: string) => ledger.rows.filter((r) => r.path === path).map((r) => r.where);

describe('fact ledger', () => {
  it('parses without problems and covers the five seeds with 500+ rows', () => {
    expect(ledger.problems).toEqual([]);
    expect(ledger.seeds).toHaveLength(5);
    expect(ledger.rows.length).toBeGreaterThan(500);
  });

  it('every row holds and every seed citation is backed', () => {
    expect(checkLedger(catalog, ledger.rows, ledger.seeds).failures).toEqual([]);
  });

  it('every left-out row gives a reason', () => {
    for (const row of ledger.rows.filter((r) => r.expect.op === 'left-out')) {
      expect(row.expect.op === 'left-out' && row.expect.reason.length).toBeGreaterThan(10);
    }
  });

  it('reports the rows of a changed fee, a removed alternative and a changed validity rule', () => {
    const copy: Catalog = structuredClone(catalog);
    const lux = copy.procedures.find((p) => p.id === 'eid-abroad-luxembourg')!;
    lux.fees.find((f) => f.id === 'card')!.amount = { fixed: 25 };
    const twelveBis = copy.procedures.find((p) => p.id === 'nationality-declaration-12bis')!;
    const birth = findNode(twelveBis.requirements, 'birth') as Extract<RequirementNode, { oneOf: unknown }>;
    birth.oneOf = birth.oneOf.filter((n) => n.id !== 'birth-cgra');
    copy.artefacts.find((a) => a.id === 'identity-photo')!.validity!.issued_within = { months: 3 };

    const before = failing(catalog, ledger.rows);
    const after = failing(copy, ledger.rows);
    const fee = rowsAt('procedures/eid-abroad-luxembourg.yaml#fees[id=card].amount.fixed');
    const cgra = ledger.rows.filter((r) => r.path.includes('[id=birth-cgra]')).map((r) => r.where);
    const photo = rowsAt('artefacts/identity-photo.yaml#validity.issued_within.months');
    expect(fee.length).toBeGreaterThan(0);
    expect(cgra.length).toBeGreaterThan(0);
    expect(photo.length).toBeGreaterThan(0);
    expect(before.size).toBe(0);
    for (const where of [...fee, ...cgra, ...photo]) expect(after, where).toContain(where);
    // Nothing else changed, so nothing else fails (the CGRA source's own citation is still backed elsewhere).
    const extra = [...after].filter((w) => ![...fee, ...cgra, ...photo].includes(w));
    expect(extra).toEqual([]);
  });

  it('reports a seed citation that no row backs', () => {
    const copy: Catalog = structuredClone(catalog);
    copy.artefacts.find((a) => a.id === 'apostille')!.provenance.push('seeds/004_71a319b8628df462.txt');
    const failures = checkLedger(copy, ledger.rows, ledger.seeds).failures;
    expect(failures).toEqual([{ where: 'artefacts/apostille.yaml', message: expect.stringContaining('no row of that seed') }]);
  });

  it('reads the path syntax and the operators', () => {
    expect(parsePath('fees[id=card].amount.fixed')).toEqual([
      { key: 'fees' },
      { match: [{ key: 'id', value: 'card', contains: false }], deep: false },
      { key: 'amount' },
      { key: 'fixed' },
    ]);
    expect(typeof parsePath('fees[id]')).toBe('string');
    const { rows, problems } = parseLedger(
      '000_95e31f5f4102b1f5',
      [
        'fee\tx\tprocedures/eid-abroad-luxembourg.yaml#fees[id=card].amount.fixed\t=20',
        'fee\tx\tprocedures/eid-abroad-luxembourg.yaml#fees[id=card].amount.fixed\t=21',
        'other\tx\tprocedures/eid-abroad-luxembourg.yaml#notes[fr~=1334]\t~CODE ADMINISTRATIF du consulat',
        'other\tx\tprocedures/eid-abroad-luxembourg.yaml#notes[fr~=1334]\t!~code postal',
        'other\tx\tprocedures/eid-abroad-luxembourg.yaml#fees[id=nope]\t',
        'other\tx\t\tleft-out: not encoded on purpose',
        'bogus\tx\tprocedures/eid-card.yaml\t',
        'fee\tx\tprocedures/eid-card.yaml\tleft-out:',
      ].join('\n'),
    );
    expect(problems.map((p) => p.where)).toEqual(['catalog/ledger/000_95e31f5f4102b1f5.tsv:7', 'catalog/ledger/000_95e31f5f4102b1f5.tsv:8']);
    expect(rows.slice(0, 6).map((r) => checkRow(catalog, r) === undefined)).toEqual([true, false, true, false, false, true]);
  });
});

/**
 * Texts in their language: French words that a Dutch, German or English text has no business holding
 * (quoted labels and official names stay in their own language), and no internal wording ("seed").
 */
const FRENCH = /(?<![\p{L}'’-])(le|la|les|du|une|est|sont|pour|avec|dans|votre|vous|aux|sur|qui|être|et|ou|jours|leur|preuve|carte|demande|délivré)(?![\p{L}'’-])/u;
const OWN_LANGUAGE = /[«“„"][^»”“"]*[»”“"]|acte de notoriété|La Louvière|Maison des Citoyens|rue [A-Z][\p{L} ]+|Dieudonné François|petite carte rose|Service Population|Carte européenne|Justice de paix|Office des étrangers|Allo Parents/gu;
function* texts(value: unknown, path: string): Generator<[string, Record<string, string>]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* texts(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.fr === 'string') yield [path, o as Record<string, string>];
    else for (const [k, v] of Object.entries(o)) if (k !== 'provenance') yield* texts(v, `${path}.${k}`);
  }
}
const allTexts = (c: Catalog) =>
  (['procedures', 'artefacts', 'portals', 'communes'] as const).flatMap((kind) => c[kind].flatMap((e) => [...texts(e, `${kind}/${e.id}`)]));
const frenchIn = (c: Catalog) =>
  allTexts(c).flatMap(([path, t]) =>
    (['nl', 'de', 'en'] as const).filter((l) => t[l] && FRENCH.test(t[l]!.replace(OWN_LANGUAGE, ''))).map((l) => `${path}.${l}`),
  );

describe('catalog texts', () => {
  it('no Dutch, German or English text holds French outside quoted names', () => {
    expect(frenchIn(catalog)).toEqual([]);
  });

  it('the French check finds a French sentence left in an English text', () => {
    const copy: Catalog = structuredClone(catalog);
    copy.artefacts.find((a) => a.id === 'secondary-diploma')!.applies_to.en = '12bis declarants §1 2°, 3° et 5° (intégration sociale)';
    expect(frenchIn(copy)).toEqual(['artefacts/secondary-diploma.applies_to.en']);
  });

  it('no user text names a seed', () => {
    const named = allTexts(catalog).filter(([, t]) => Object.values(t).some((s) => /\bseeds?\b/i.test(s)));
    expect(named.map(([path]) => path)).toEqual([]);
    expect(catalog.procedures.filter((p) => /\bseed\b/i.test(p.legal_basis)).map((p) => p.id)).toEqual([]);
  });
});

