/**
 * Nothing in what the build ships talks to the network: no remote script, style, font or image, and no
 * address outside the catalog's links; every font a stylesheet names is packaged.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/sources';
import { BUILDS, FONT_FILE, catalogLinks, files, remoteReferences } from '../support/remote-references';

describe('what the build ships', () => {
  for (const build of BUILDS) {
    const name = relative(ROOT, build);
    it(`${name} loads nothing remote and names no address outside the catalog`, () => {
      expect(existsSync(join(build, 'manifest.json')), `${name} is missing: run npm run build`).toBe(true);
      const links = catalogLinks();
      const problems: string[] = [];
      for (const file of files(build)) {
        const rel = relative(build, file);
        if (FONT_FILE.test(file)) continue;
        if (!/\.(js|mjs|html|css|json|svg)$/.test(file)) continue;
        const { loads, unknown } = remoteReferences(readFileSync(file, 'utf8'), links);
        problems.push(...loads.map((l) => `${rel}: loads ${l}`), ...unknown.map((u) => `${rel}: contains ${u}`));
      }
      expect(problems).toEqual([]);
    });

    it(`${name} packages every font it uses`, () => {
      const missing: string[] = [];
      for (const file of files(build).filter((f) => /\.(css|js|html)$/.test(f))) {
        for (const [, url] of readFileSync(file, 'utf8').matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf|eot))/gi)) {
          const local = url!.startsWith('/') ? join(build, url!) : join(file, '..', url!);
          if (/^[a-z-]+:/i.test(url!) || !existsSync(local)) missing.push(`${relative(build, file)}: ${url}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
