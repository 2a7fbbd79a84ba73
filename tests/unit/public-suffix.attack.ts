/**
 * Issue 13: a wildcard host under a public suffix (`*.blogspot.be`, `*.be`, `*.github.io`) would put
 * the panel, and the background's trust, on sites anyone can register; the catalog schema refuses
 * them, checked against the Public Suffix List. Fails on the schema that predates the fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Portal } from '../../src/catalog/schema';

const ROOT = join(import.meta.dirname, '../..');
const portal = parse(readFileSync(join(ROOT, 'catalog/portals/my-belgium.yaml'), 'utf8')) as { pages: Array<{ hosts: string[] }> };
const withHosts = (hosts: string[]) => ({ ...portal, pages: portal.pages.map((p, i) => (i === 0 ? { ...p, hosts } : p)) });

describe('public-suffix refusal in the catalog schema', () => {
  it('accepts the real portal as it is (guard)', () => {
    expect(Portal.safeParse(portal).success).toBe(true);
  });

  for (const host of ['*.blogspot.be', '*.be', '*.github.io', '*.co.uk']) {
    it(`refuses the wildcard host ${host}`, () => {
      const result = Portal.safeParse(withHosts([host]));
      expect(result.success).toBe(false);
    });
  }

  it('refuses a bare public suffix as a host', () => {
    expect(Portal.safeParse(withHosts(['blogspot.be'])).success).toBe(false);
  });
});
