import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadCatalog, formatIssue } from '../../src/catalog/load';

const ROOT = resolve(import.meta.dirname, '../..');
const CATALOG = join(ROOT, 'catalog');

function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  cpSync(CATALOG, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/catalog/cli.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
}

describe('the shipped catalog', () => {
  it('validates with no issue', () => {
    expect(loadCatalog(CATALOG).issues.map(formatIssue)).toEqual([]);
  });
});

describe('catalog validation names the file, the field and the problem', () => {
  it('rejects an unknown source kind', () => {
    const dir = brokenCopy('artefacts/id-card-certified-copy.yaml', (t) => t.replace('kind: commune-visit', 'kind: carrier-pigeon'));
    const messages = loadCatalog(dir).issues.map(formatIssue);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/artefacts\/id-card-certified-copy\.yaml: sources\[1\]\.kind: .*commune-visit/);
  });
  it('rejects a reference to an artefact that does not exist', () => {
    const dir = brokenCopy('procedures/nationality-declaration-12bis.yaml', (t) => t.replace('artefact: id-card-certified-copy', 'artefact: no-such-thing'));
    expect(loadCatalog(dir).issues.map(formatIssue)).toEqual([
      expect.stringMatching(/nationality-declaration-12bis\.yaml: requirements\.allOf\[0\]\.artefact: unknown artefact "no-such-thing"/),
    ]);
  });
  it('rejects an example URL that the page does not match', () => {
    const dir = brokenCopy('portals/my-belgium.yaml', (t) => t.replace('- https://my.belgium.be/fr\n', '- https://my.belgium.be/elsewhere/x\n'));
    expect(loadCatalog(dir).issues.map(formatIssue)).toEqual([expect.stringMatching(/my-belgium\.yaml: pages\[0\]\.examples\[1\]: example .* does not match/)]);
  });
  it('rejects broken YAML with its position', () => {
    const dir = brokenCopy('communes/auderghem.yaml', (t) => `${t}\n  : : [\n`);
    expect(loadCatalog(dir).issues[0]?.file).toMatch(/communes\/auderghem\.yaml$/);
    expect(loadCatalog(dir).issues[0]?.message).toMatch(/^YAML: /);
  });
  it('rejects a wildcard over a public suffix, and a public suffix as a host', () => {
    const dir = brokenCopy('portals/my-belgium.yaml', (t) => t.replace('  - my.belgium.be\n', "  - '*.github.io'\n  - blogspot.com\n  - my.belgium.be\n"));
    const issues = loadCatalog(dir).issues.map(formatIssue);
    expect(issues).toEqual([
      expect.stringMatching(/my-belgium\.yaml: pages\[0\]\.hosts\[0\]: \*\.github\.io: github\.io is a public suffix/),
      expect.stringMatching(/my-belgium\.yaml: pages\[0\]\.hosts\[1\]: blogspot\.com: blogspot\.com is a public suffix/),
    ]);
  });
  it('counts every commune of 2025 once, with four-digit postcodes', () => {
    const dir = brokenCopy('communes/_all.tsv', (t) => t.replace('\t1046 1049 1140\t', '\t1046 149 1140\t'));
    const issues = loadCatalog(dir).issues.map(formatIssue);
    expect(issues).toContainEqual(expect.stringMatching(/_all\.tsv: line \d+ \(evere\): postal_codes\[1\]: a postcode has four digits/));
    const short = brokenCopy('communes/_all.tsv', (t) => t.replace(/\naartselaar\t[^\n]*/, ''));
    expect(loadCatalog(short).issues.map(formatIssue)).toContainEqual(expect.stringMatching(/expected the 565 communes of 2025, found 564/));
    const dup = brokenCopy('communes/_all.tsv', (t) => t.replace(/\n(aartselaar)\t11001\t/, '\n$1\t11002\t'));
    expect(loadCatalog(dup).issues.map(formatIssue)).toContainEqual(expect.stringMatching(/NIS code 11002 is also on line/));
  });
  it('rejects a host written with its protocol', () => {
    const dir = brokenCopy('portals/my-belgium.yaml', (t) => t.replace('  - my.belgium.be\n', '  - https://my.belgium.be\n'));
    expect(loadCatalog(dir).issues.map(formatIssue)).toContainEqual(expect.stringMatching(/pages\[0\]\.hosts\[0\]: expected a host without protocol/));
  });
});

// Each CLI run starts tsx in a fresh Node process: seconds, not milliseconds, on a busy 2-core machine.
describe('the catalog CLI', { timeout: 60_000 }, () => {
  it('validate exits 0 on the shipped catalog and 1 with every problem on a broken one', () => {
    expect(cli('validate').status).toBe(0);
    const dir = brokenCopy('artefacts/id-card-certified-copy.yaml', (t) => t.replace('priority: 40', 'priority: high'));
    const run = cli('--catalog', dir, 'validate');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/id-card-certified-copy\.yaml: sources\[0\]\.priority: /);
  });
  it('recognise prints the matching pages with what they serve', () => {
    const run = cli('recognise', 'https://my.belgium.be/fr');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.url).toBe('https://my.belgium.be/fr');
    expect(out.matches[0]).toMatchObject({ page: 'my-belgium-home', portal: 'my-belgium' });
    // A pre-step for the certified ID copy (seed 000), not a place that serves a document.
    expect(out.matches[0].artefacts).toEqual([]);
    const form = JSON.parse(cli('recognise', 'https://kelmis-formulaires.guichet-citoyen.be/haushaltszusammensetzung/').stdout).matches[0];
    expect(form).toMatchObject({ page: 'imio-form', form: 'household-composition-certificate', commune: 'la-calamine', artefacts: ['household-composition-certificate'] });
    expect(JSON.parse(cli('recognise', 'https://example.org/').stdout).matches).toEqual([]);
  });
  it('stats counts what the catalog holds', () => {
    const stats = JSON.parse(cli('stats').stdout);
    const { catalog } = loadCatalog(CATALOG);
    expect(stats).toMatchObject({ procedures: catalog.procedures.length, artefacts: catalog.artefacts.length, communes: catalog.communes.length });
    expect(stats.sources).toBe(catalog.artefacts.reduce((n, a) => n + a.sources.length, 0));
  });
});
