/**
 * Least privilege before any build: the generated host list is the current catalog's and names sites,
 * not top-level domains, and the permission checker that tests/built/manifest.test.ts runs on the
 * built manifests tells a used permission from an unused one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, formatIssue } from '../../src/catalog/load';
import { compileHosts } from '../../src/catalog/compile';
import { ROOT, withoutComments } from '../support/sources';
import { unjustified } from '../support/permissions';

/** A catalog host pattern must name a site, not a whole top-level domain. */
const tooBroad = (pattern: string) => {
  const host = new URL(pattern.replace('://*.', '://wildcard.')).hostname;
  return pattern.includes('://*.') ? host.split('.').length < 3 : host.split('.').length < 2;
};

describe('the catalog’s hosts', () => {
  let expected: { install: string[]; onDemand: string[] };
  beforeAll(() => {
    const { catalog, issues } = loadCatalog(join(ROOT, 'catalog'));
    expect(issues.map(formatIssue)).toEqual([]);
    expected = compileHosts(catalog);
  });

  it('the generated host list is the catalog’s (compiled from the current catalog/)', () => {
    const generated = JSON.parse(readFileSync(join(ROOT, 'src/catalog/generated/hosts.json'), 'utf8')) as typeof expected;
    expect(generated).toEqual(expected);
    expect(expected.install.length).toBeGreaterThan(0);
    for (const pattern of [...expected.install, ...expected.onDemand]) {
      expect(pattern, 'catalog hosts are https sites').toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
      expect(tooBroad(pattern), `${pattern} is too broad`).toBe(false);
    }
  });
});

describe('the permission checker', () => {
  it('accepts a used permission, fails an unused one and one without a rule', () => {
    const code = withoutComments(`await browser.storage.local.get('x');`, false);
    expect(unjustified(['storage', 'https://my.belgium.be/*'], [{ code }])).toEqual([]);
    expect(unjustified(['downloads'], [{ code }])).toEqual(['downloads: asked for, but no code uses it']);
    expect(unjustified(['geolocation'], [{ code }])).toEqual(['geolocation: no rule says which API it unlocks (add one to PERMISSION_USES)']);
  });
  it('does not count a use that is only in a comment', () => {
    const code = withoutComments(`// later: browser.downloads.download({ url })\n/* browser.storage.local */ const x = 1;`, false);
    expect(unjustified(['downloads', 'storage'], [{ code }])).toEqual(['downloads: asked for, but no code uses it', 'storage: asked for, but no code uses it']);
  });
});
