/**
 * Which code justifies which API permission: the built manifests' test (tests/built/manifest.test.ts)
 * fails on a permission that no code of ours uses, and the unit tests check the checker.
 */
import type { SourceFile } from './sources';

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

export const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://');

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
