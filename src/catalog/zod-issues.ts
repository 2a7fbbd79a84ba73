/**
 * zod's issues as the catalog reports them (a dotted field path, the message of the union branch that
 * got furthest), shared by the loader of the YAML entries and the loader of the communes table.
 */
import type { z } from 'zod';

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** zod's union errors say "invalid input"; dig into the branch that got furthest so the message is useful. */
export function flattenZodIssues(issues: z.core.$ZodIssue[], prefix: ReadonlyArray<PropertyKey> = []): Array<{ path: PropertyKey[]; message: string }> {
  const out: Array<{ path: PropertyKey[]; message: string }> = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
      if (deepest(best) > 0) {
        out.push(...flattenZodIssues(best, path));
        continue;
      }
    }
    out.push({ path, message: issue.message });
  }
  return out;
}
function deepest(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0 : 0.5)));
}

