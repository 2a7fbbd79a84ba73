/**
 * The communes: the table of every commune of 2025 (catalog/communes/_all.tsv), read and checked
 * row by row, and the detailed commune files merged into it by NIS code. Node-only, like the loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Commune as CommuneSchema, type Commune } from './schema';
import type { CatalogIssue } from './types';
import { fieldPath, flattenZodIssues } from './zod-issues';

/** Every commune after the 1 January 2025 mergers, one row each (see catalog/README.md). */
const COMMUNES_TABLE = '_all.tsv';
const COMMUNE_COUNT = 565;

const TABLE_COLUMNS = ['id', 'nis', 'name_fr', 'name_nl', 'name_de', 'region', 'languages', 'facilities', 'postcodes', 'website', 'eguichet_platform', 'eguichet_tenant', 'eguichet_host', 'forms_host', 'population_contact', 'provenance'] as const;

/**
 * The table of every commune: one tab-separated row per commune, the facts every commune has (NIS,
 * names, region, languages, postcodes) and, where evidenced, its website and e-guichet.
 */
export function readCommuneTable(root: string): { communes: Commune[]; issues: CatalogIssue[] } {
  const path = join(root, 'communes', COMMUNES_TABLE);
  const file = relative(process.cwd(), path) || COMMUNES_TABLE;
  if (!existsSync(path)) return { communes: [], issues: [{ file, path: '', message: 'missing file' }] };
  const [header = '', ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  if (header !== TABLE_COLUMNS.join('\t')) return { communes: [], issues: [{ file, path: 'line 1', message: `expected the columns ${TABLE_COLUMNS.join(', ')}` }] };
  const issues: CatalogIssue[] = [];
  const communes: Commune[] = [];
  lines.forEach((line, i) => {
    const cells = line.split('\t');
    const at = `line ${i + 2}`;
    if (cells.length !== TABLE_COLUMNS.length) {
      issues.push({ file, path: at, message: `expected ${TABLE_COLUMNS.length} columns, found ${cells.length}` });
      return;
    }
    const row = Object.fromEntries(TABLE_COLUMNS.map((c, j) => [c, cells[j]!.trim()])) as Record<(typeof TABLE_COLUMNS)[number], string>;
    const words = (cell: string) => cell.split(' ').filter(Boolean);
    const names = { fr: row.name_fr || row.name_nl, ...(row.name_nl ? { nl: row.name_nl } : {}), ...(row.name_de ? { de: row.name_de } : {}) };
    const eguichet = row.eguichet_platform
      ? { platform: row.eguichet_platform, ...(row.eguichet_tenant ? { tenant: row.eguichet_tenant } : {}), ...(row.eguichet_host ? { host: row.eguichet_host } : {}), ...(row.forms_host ? { forms_host: row.forms_host } : {}) }
      : undefined;
    const parsed = CommuneSchema.safeParse({
      id: row.id,
      nis: row.nis,
      names,
      region: row.region,
      languages: words(row.languages),
      facilities: words(row.facilities),
      postal_codes: words(row.postcodes),
      ...(eguichet ? { eguichet } : {}),
      ...(row.website ? { website: row.website } : {}),
      ...(row.population_contact ? { population_contact: row.population_contact } : {}),
      provenance: row.provenance.split(' | ').filter(Boolean),
      last_verified: TABLE_VERIFIED,
    });
    if (!parsed.success) issues.push(...flattenZodIssues(parsed.error.issues).map((issue) => ({ file, path: `${at} (${row.id || row.nis}): ${fieldPath(issue.path)}`, message: issue.message })));
    else communes.push(parsed.data);
  });
  const nis = new Map<string, number>();
  const ids = new Map<string, number>();
  communes.forEach((c, i) => {
    if (nis.has(c.nis)) issues.push({ file, path: `line ${i + 2}`, message: `NIS code ${c.nis} is also on line ${nis.get(c.nis)! + 2}` });
    if (ids.has(c.id)) issues.push({ file, path: `line ${i + 2}`, message: `id ${c.id} is also on line ${ids.get(c.id)! + 2}` });
    nis.set(c.nis, i);
    ids.set(c.id, i);
  });
  if (issues.length === 0 && communes.length !== COMMUNE_COUNT) issues.push({ file, path: '', message: `expected the ${COMMUNE_COUNT} communes of 2025, found ${communes.length}` });
  return { communes, issues };
}
/** When the table's rows were checked against their sources. */
const TABLE_VERIFIED = '2026-11-23';

/**
 * A commune file adds what is known in detail (booking, desks, fees, notes) to its row, found by NIS
 * code: what the file states wins, the provenance of both is kept. A file whose NIS code is not a
 * commune of 2025, or whose id is not the row's, is an error.
 */
export function mergeCommunes(rows: Commune[], detailed: Commune[], files: Map<string, string>, issues: CatalogIssue[]): Commune[] {
  if (rows.length === 0) return detailed;
  const byNis = new Map(detailed.map((c) => [c.nis, c]));
  for (const c of detailed) {
    const file = files.get(`communes:${c.id}`) ?? `catalog/communes/${c.id}.yaml`;
    const row = rows.find((r) => r.nis === c.nis);
    if (!row) issues.push({ file, path: 'nis', message: `NIS code ${c.nis} is not one of the ${COMMUNE_COUNT} communes of 2025 (${COMMUNES_TABLE})` });
    else if (row.id !== c.id) issues.push({ file, path: 'id', message: `the commune with NIS code ${c.nis} is "${row.id}" in ${COMMUNES_TABLE}` });
  }
  return rows.map((row) => {
    const file = byNis.get(row.nis);
    if (!file) return row;
    return {
      ...row,
      ...file,
      names: { ...row.names, ...file.names },
      facilities: file.facilities.length > 0 ? file.facilities : row.facilities,
      postal_codes: [...new Set([...row.postal_codes, ...file.postal_codes])].sort(),
      eguichet: file.eguichet && row.eguichet?.platform === file.eguichet.platform ? { ...row.eguichet, ...file.eguichet } : (file.eguichet ?? row.eguichet),
      provenance: [...new Set([...file.provenance, ...row.provenance])],
    } as Commune;
  });
}
