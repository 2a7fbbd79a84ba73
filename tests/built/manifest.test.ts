/**
 * Least privilege, checked against what we actually ship: the built Chrome and Firefox manifests may
 * ask for the catalog's hosts and nothing more, for no permission that no code uses, and must keep
 * the strict extension-page CSP. The expected hosts are derived from catalog/ itself, not copied.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, formatIssue } from '../../src/catalog/load';
import { compileHosts } from '../../src/catalog/compile';
import { projectSources, ROOT, type SourceFile } from '../support/sources';
import { isHostPattern, unjustified } from '../support/permissions';

const STRICT_CSP = "script-src 'self'; object-src 'none'";

/** Permissions that no extension of ours needs under any circumstances. */
const NEVER = ['<all_urls>', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'debugger', 'proxy', 'nativeMessaging', 'management', 'privacy', 'declarativeNetRequestFeedback', 'clipboardRead', 'tabCapture', 'desktopCapture'];

interface Manifest {
  manifest_version: number;
  name?: string;
  description?: string;
  default_locale?: string;
  commands?: Record<string, { description?: string }>;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; exclude_matches?: string[] }>;
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: Array<string | { resources: string[]; matches?: string[] }>;
  externally_connectable?: unknown;
  sandbox?: unknown;
  update_url?: string;
}


function readManifest(build: string): Manifest {
  const path = join(ROOT, '.output', build, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

describe('least privilege', () => {
  let expected: { install: string[]; onDemand: string[]; booking: string[]; matches: string[] };
  let sources: SourceFile[];
  beforeAll(() => {
    const { catalog, issues } = loadCatalog(join(ROOT, 'catalog'));
    expect(issues.map(formatIssue)).toEqual([]);
    expected = compileHosts(catalog);
    sources = projectSources();
  });

  describe('Chrome (MV3)', () => {
    let m: Manifest;
    beforeAll(() => {
      m = readManifest('chrome-mv3');
    });
    it('is MV3', () => expect(m.manifest_version).toBe(3));
    it('asks for no host outside the catalog', () => {
      expect((m.host_permissions ?? []).filter((h) => !expected.install.includes(h))).toEqual([]);
      expect((m.optional_host_permissions ?? []).filter((h) => !expected.onDemand.includes(h) && !expected.install.includes(h))).toEqual([]);
      expect((m.permissions ?? []).filter(isHostPattern)).toEqual([]);
    });
    it('runs content scripts on install-time catalog hosts only', () => {
      const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
      expect(matches.length).toBeGreaterThan(0);
      expect([...matches].sort()).toEqual(expected.matches);
      // The catalog's paths, not whole sites, wherever the catalog knows narrower paths.
      expect(matches).not.toContain('https://my.belgium.be/*');
    });
    it('declares the on-demand (booking) hosts as optional, so they can be granted when asked', () => {
      expect([...(m.optional_host_permissions ?? [])].sort()).toEqual([...expected.onDemand].sort());
    });
    it('asks for no permission that no code uses', () => {
      expect([...(m.permissions ?? []), ...(m.optional_permissions ?? [])].filter((p) => NEVER.includes(p))).toEqual([]);
      expect(unjustified([...(m.permissions ?? []), ...(m.optional_permissions ?? [])], sources)).toEqual([]);
    });
    it('keeps the strict extension-page CSP', () => {
      expect(m.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
    });
    it('lets no web page message the extension or load its files from anywhere', () => {
      expect(m.externally_connectable).toBeUndefined();
      for (const entry of m.web_accessible_resources ?? []) {
        expect(typeof entry === 'string' ? ['<all_urls>'] : (entry.matches ?? []).filter((h) => !expected.install.includes(h) && !expected.onDemand.includes(h))).toEqual([]);
      }
      // Only the panel page, and only under Chromium's per-session dynamic URL.
      expect(m.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: [...expected.install, ...expected.onDemand], use_dynamic_url: true }]);
      expect(m.update_url).toBeUndefined();
    });
  });

  describe('Firefox (MV2)', () => {
    let m: Manifest;
    beforeAll(() => {
      m = readManifest('firefox-mv2');
    });
    it('is MV2', () => expect(m.manifest_version).toBe(2));
    it('asks for no host outside the catalog', () => {
      expect((m.permissions ?? []).filter(isHostPattern).filter((h) => !expected.install.includes(h))).toEqual([]);
      expect((m.optional_permissions ?? []).filter(isHostPattern).filter((h) => !expected.onDemand.includes(h) && !expected.install.includes(h))).toEqual([]);
    });
    it('runs content scripts on install-time catalog hosts only', () => {
      const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
      expect(matches.length).toBeGreaterThan(0);
      expect([...matches].sort()).toEqual(expected.matches);
      // The catalog's paths, not whole sites, wherever the catalog knows narrower paths.
      expect(matches).not.toContain('https://my.belgium.be/*');
    });
    it('declares the on-demand (booking) hosts as optional, so Firefox can grant them when asked', () => {
      expect((m.optional_permissions ?? []).filter(isHostPattern).sort()).toEqual([...expected.onDemand].sort());
    });
    it('asks for no permission that no code uses', () => {
      expect([...(m.permissions ?? []), ...(m.optional_permissions ?? [])].filter((p) => NEVER.includes(p))).toEqual([]);
      expect(unjustified([...(m.permissions ?? []), ...(m.optional_permissions ?? [])], sources)).toEqual([]);
    });
    it('keeps the strict extension-page CSP', () => {
      expect(m.content_security_policy).toBe(STRICT_CSP);
    });
    it('lets no web page load its files, but for the panel page under the per-install origin', () => {
      // MV2 entries are open to every site that knows the install's random moz-extension origin; only the
      // panel page is listed, and it shows nothing outside a tab whose content script recognised a page.
      expect(m.web_accessible_resources ?? []).toEqual(['panel.html']);
      expect(m.update_url).toBeUndefined();
    });
  });

  it('the same permissions on both browsers', () => {
    const apis = (m: Manifest) => [...(m.permissions ?? [])].filter((p) => !isHostPattern(p)).sort();
    expect(apis(readManifest('firefox-mv2'))).toEqual(apis(readManifest('chrome-mv3')));
  });
});

/** The UI languages (src/i18n): the stores list the extension in each of them. */
const LOCALES = ['fr', 'nl', 'de', 'en'];
const MSG = /^__MSG_(\w+)__$/;

describe('the manifest in four languages', () => {
  for (const build of ['chrome-mv3', 'firefox-mv2']) {
    it(`${build}: name, description and shortcut are messages every locale defines, within the stores' limits`, () => {
      const m = readManifest(build);
      expect(LOCALES).toContain(m.default_locale);
      const shown = { name: m.name, description: m.description, ...Object.fromEntries(Object.entries(m.commands ?? {}).map(([k, c]) => [`command ${k}`, c.description])) };
      expect(Object.keys(shown).length).toBeGreaterThan(2);
      for (const [field, value] of Object.entries(shown)) expect(value, `${field} is a __MSG_…__ reference`).toMatch(MSG);
      const keys = Object.values(shown).map((v) => MSG.exec(v!)![1]!);
      const locales = join(ROOT, '.output', build, '_locales');
      for (const lang of LOCALES) {
        const messages = JSON.parse(readFileSync(join(locales, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
        for (const key of keys) expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy();
        expect(messages[MSG.exec(m.name!)![1]!]!.message.length, `${lang}: name`).toBeLessThanOrEqual(75);
        expect(messages[MSG.exec(m.description!)![1]!]!.message.length, `${lang}: description`).toBeLessThanOrEqual(132);
      }
      const descriptions = LOCALES.map((lang) => (JSON.parse(readFileSync(join(locales, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[MSG.exec(m.description!)![1]!]!.message);
      expect(new Set(descriptions).size, 'each language has its own description, not a copy').toBe(LOCALES.length);
    });
  }
});
