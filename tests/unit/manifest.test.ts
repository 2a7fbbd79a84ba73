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
import { projectSources, ROOT, withoutComments, type SourceFile } from './sources';

const STRICT_CSP = "script-src 'self'; object-src 'none'";

/**
 * Why each API permission may be asked for: the code must use the API it unlocks. A permission that
 * is not listed here fails the test until someone adds the rule (and so has to say what uses it).
 */
const PERMISSION_USES: Record<string, RegExp> = {
  storage: /\b(?:browser|chrome)\.storage\b/,
  unlimitedStorage: /\bindexedDB\b|\bfrom\s+['"]idb['"]/,
  tabs: /\b(?:browser|chrome)\.tabs\.(?:query|get|onUpdated|onActivated)\b/,
  activeTab: /\b(?:browser|chrome)\.(?:action|browserAction|commands|contextMenus|menus)\.on[A-Z]\w*\b/,
  scripting: /\b(?:browser|chrome)\.scripting\./,
  downloads: /\b(?:browser|chrome)\.downloads\./,
  alarms: /\b(?:browser|chrome)\.alarms\./,
  notifications: /\b(?:browser|chrome)\.notifications\./,
  contextMenus: /\b(?:browser|chrome)\.contextMenus\./,
  menus: /\b(?:browser|chrome)\.menus\./,
  sidePanel: /\b(?:browser|chrome)\.sidePanel\./,
  offscreen: /\b(?:browser|chrome)\.offscreen\./,
  webNavigation: /\b(?:browser|chrome)\.webNavigation\./,
  clipboardWrite: /\bnavigator\.clipboard\.write(?:Text)?\b|\bexecCommand\(\s*['"](?:copy|cut)['"]/,
};

/** Permissions that no extension of ours needs under any circumstances. */
const NEVER = ['<all_urls>', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'debugger', 'proxy', 'nativeMessaging', 'management', 'privacy', 'declarativeNetRequestFeedback', 'clipboardRead', 'tabCapture', 'desktopCapture'];

interface Manifest {
  manifest_version: number;
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

const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://');

function readManifest(build: string): Manifest {
  const path = join(ROOT, '.output', build, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The API permissions of a manifest that no code justifies, with the reason. */
export function unjustified(permissions: string[], sources: Pick<SourceFile, 'code'>[]): string[] {
  return permissions
    .filter((p) => !isHostPattern(p))
    .flatMap((p) => {
      const use = PERMISSION_USES[p];
      if (!use) return [`${p}: no rule says which API it unlocks (add one to PERMISSION_USES)`];
      return sources.some((s) => use.test(s.code)) ? [] : [`${p}: asked for, but no code uses it`];
    });
}

/** A catalog host pattern must name a site, not a whole top-level domain. */
const tooBroad = (pattern: string) => {
  const host = new URL(pattern.replace('://*.', '://wildcard.')).hostname;
  return pattern.includes('://*.') ? host.split('.').length < 3 : host.split('.').length < 2;
};

describe('least privilege', () => {
  let expected: { install: string[]; onDemand: string[]; booking: string[]; matches: string[] };
  let sources: SourceFile[];
  beforeAll(() => {
    const { catalog, issues } = loadCatalog(join(ROOT, 'catalog'));
    expect(issues.map(formatIssue)).toEqual([]);
    expected = compileHosts(catalog);
    sources = projectSources();
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
    it('lets no web page load its files from anywhere', () => {
      for (const entry of m.web_accessible_resources ?? []) expect(typeof entry, 'MV2 web_accessible_resources are open to every site').not.toBe('string');
      expect(m.update_url).toBeUndefined();
    });
  });

  it('the same permissions on both browsers', () => {
    const apis = (m: Manifest) => [...(m.permissions ?? [])].filter((p) => !isHostPattern(p)).sort();
    expect(apis(readManifest('firefox-mv2'))).toEqual(apis(readManifest('chrome-mv3')));
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
