/**
 * Be Civic runs inside logged-in government sessions, so two promises hold on every commit: the
 * project's own code never turns text into HTML or code (page text the user captures is shown as text
 * only), and nothing in the extension talks to the network. ESLint holds the first for our sources
 * (`npm run lint`: no-eval, no-implied-eval, no-new-func, no-unsanitized, and the restricted names and
 * syntax of eslint.config.js); this file proves that configuration flags each unsafe construct and
 * leaves safe code alone. What ships is scanned after the build (tests/built/build-ships.test.ts); its
 * scanner is checked here on samples, because no lint rule sees the bundles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import { ROOT } from '../support/sources';
import { remoteReferences } from '../support/remote-references';

/** The rules that carry the safety promises; style rules (unused names, `any`) are not asked about here. */
const SAFETY_RULES = new Set([
  'no-eval',
  'no-implied-eval',
  'no-new-func',
  'no-unsanitized/property',
  'no-unsanitized/method',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-syntax',
]);

describe('the lint configuration', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  /** The safety findings ESLint reports for `code` as if it were a product file. */
  async function findings(code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'src/panel/sample.tsx') });
    const messages: Linter.LintMessage[] = result?.messages ?? [];
    const fatal = messages.filter((m) => m.fatal);
    if (fatal.length) throw new Error(`${code}: ${fatal.map((m) => m.message).join('; ')}`);
    return messages.filter((m) => m.ruleId && SAFETY_RULES.has(m.ruleId)).map((m) => m.ruleId!);
  }

  it('flags every way of turning text into HTML or code, and every connection', async () => {
    const bad = [
      `el.innerHTML = text;`,
      `el.outerHTML = text;`,
      `el.insertAdjacentHTML('beforeend', text);`,
      `frame.srcdoc = text;`,
      `document.write(text);`,
      `range.createContextualFragment(text);`,
      `el.setHTMLUnsafe(text);`,
      `Document.parseHTMLUnsafe(text);`,
      `const x = <div dangerouslySetInnerHTML={{ __html: text }} />;`,
      `h('div', { dangerouslySetInnerHTML: { __html: text } });`,
      `eval(text);`,
      `const f = new Function('a', text);`,
      `window.eval(text);`,
      `setTimeout('alert(1)', 10);`,
      `fetch('https://example.org');`,
      `await globalThis.fetch(url);`,
      `const r = new XMLHttpRequest();`,
      `new WebSocket(url);`,
      `navigator.sendBeacon(url, data);`,
      `new EventSource(url);`,
      `importScripts(url);`,
      `await import('https://cdn.example/x.js');`,
      `await import(name);`,
    ];
    for (const code of bad) expect(await findings(code), code).not.toEqual([]);
  });

  it('leaves text, comments, reads of outerHTML and relative lazy imports alone', async () => {
    const good = [
      `// never set innerHTML here; eval and fetch are forbidden`,
      `/* document.write(x) */ export const label = 'fetch the certificate, do not eval it';`,
      `el.textContent = text;`,
      `export const snapshot = el.outerHTML;`,
      `export const { makePdf } = await import('./pdf');`,
      `setTimeout(() => done(), 10);`,
      `export const opts = { fetch: false };`,
    ];
    for (const code of good) expect(await findings(code), code).toEqual([]);
  });
});

describe('the build checker', () => {
  const links = new Set(['https://my.belgium.be/fr']);
  it('catches remote loads in CSS, HTML and JS', () => {
    expect(remoteReferences(`@font-face{src:url(https://fonts.example/x.woff2)}`, links).loads).toHaveLength(1);
    expect(remoteReferences(`@import "//cdn.example/a.css";`, links).loads).toHaveLength(1);
    expect(remoteReferences(`<script src="https://cdn.example/a.js"></script>`, links).loads).toHaveLength(1);
    expect(remoteReferences(`<img src=//tracker.example/p.gif>`, links).loads).toHaveLength(1);
    expect(remoteReferences(`import("https://cdn.example/m.js")`, links).loads).toHaveLength(1);
  });
  it('flags unknown addresses but not namespaces, catalog links or local files', () => {
    expect(remoteReferences(`a="https://analytics.example/collect"`, links).unknown).toEqual(['https://analytics.example/collect']);
    expect(remoteReferences('a=`https://${h}/collect?u=${u}`', links).unknown).toEqual(['https://${h}/collect?u=${u}']);
    expect(remoteReferences('origins.add(`https://${e}/*`)', links).unknown).toEqual([]);
    expect(remoteReferences(`a="http://www.w3.org/2000/svg";b="https://my.belgium.be/fr"`, links)).toEqual({ loads: [], unknown: [] });
    expect(remoteReferences(`@font-face{src:url(/fonts/DejaVuSans.woff2)}<script src="/chunks/a.js">`, links)).toEqual({ loads: [], unknown: [] });
  });
});
