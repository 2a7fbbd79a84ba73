/**
 * Be Civic runs inside logged-in government sessions, so two promises are checked on every commit:
 * the project's own code never turns text into HTML or code (page text the user captures is shown as
 * text only), and nothing in the extension talks to the network — neither our sources nor what the
 * build ships (no remote script, style, font or image).
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodes, projectSources, ROOT, where, type SourceFile } from './sources';

/** Properties that parse a string as HTML on any use, and those that do when written. */
const HTML_USES = new Set(['innerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe']);
const HTML_WRITES = new Set(['outerHTML', 'srcdoc']);
/** Globals and properties that open a connection or run strings as code. */
const NETWORK = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'RTCPeerConnection', 'WebTransport', 'importScripts']);
const CODE = new Set(['eval', 'Function']);

function nameOf(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function isAssigned(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** Every unsafe construct in one file, as `file:line what`. */
export function findUnsafe(source: SourceFile): string[] {
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => found.push(`${where(source, node)} ${what}`);
  for (const node of nodes(source.ast)) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = nameOf(node);
      if (!name) continue;
      if (HTML_USES.has(name)) report(node, name);
      else if ((name === 'write' || name === 'writeln') && /\bdocument$/.test(node.expression.getText())) report(node, `document.${name}`);
      else if (HTML_WRITES.has(name) && isAssigned(node)) report(node, `${name} =`);
      else if (NETWORK.has(name) || CODE.has(name)) report(node, name);
    } else if (ts.isIdentifier(node) && (NETWORK.has(node.text) || CODE.has(node.text))) {
      const parent = node.parent;
      // A property's own name is handled above; a declaration's or an object key's name is not a use.
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      const isTypeOnly = ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent);
      if (!isMemberName && !isTypeOnly) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.name.getText() === 'dangerouslySetInnerHTML') {
      report(node, 'dangerouslySetInnerHTML');
    } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText() === 'dangerouslySetInnerHTML') {
      report(node, 'dangerouslySetInnerHTML');
    } else if (ts.isCallExpression(node)) {
      const callee = nameOf(node.expression);
      const [first] = node.arguments;
      if ((callee === 'setTimeout' || callee === 'setInterval') && first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first))) report(node, `${callee}(string)`);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && first && !(ts.isStringLiteralLike(first) && /^\.{1,2}\//.test(first.text))) report(node, 'import() of a non-relative module');
    }
  }
  return found;
}

function sample(code: string, file = 'sample.tsx'): SourceFile {
  const ast = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return { file, ast, code };
}

describe('the project’s own code', () => {
  const sources = projectSources();

  it('is found (entrypoints and src)', () => {
    const files = sources.map((s) => s.file);
    expect(files).toContain('entrypoints/background.ts');
    expect(files.some((f) => f.startsWith('src/'))).toBe(true);
  });

  it('never parses strings as HTML or code, and never opens a connection', () => {
    expect(sources.flatMap(findUnsafe)).toEqual([]);
  });
});

describe('the source checker', () => {
  it('finds every kind of unsafe construct', () => {
    const bad = [
      `el.innerHTML = text;`,
      `const h = el['innerHTML'];`,
      `el.outerHTML = text;`,
      `el.insertAdjacentHTML('beforeend', text);`,
      `frame.srcdoc = text;`,
      `document.write(text);`,
      `range.createContextualFragment(text);`,
      `const x = <div dangerouslySetInnerHTML={{ __html: text }} />;`,
      `h('div', { dangerouslySetInnerHTML: { __html: text } });`,
      `eval(text);`,
      `const f = new Function('a', text);`,
      `const g = window.eval;`,
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
    for (const code of bad) expect(findUnsafe(sample(code)), code).toHaveLength(1);
  });

  it('leaves text, comments, reads of outerHTML and relative lazy imports alone', () => {
    const good = [
      `// never set innerHTML here; eval and fetch are forbidden`,
      `/* document.write(x) */ const label = 'fetch the certificate, do not eval it';`,
      `el.textContent = text;`,
      `const snapshot = el.outerHTML;`,
      `const { makePdf } = await import('./pdf');`,
      `setTimeout(() => done(), 10);`,
      `type F = Function;`,
      `const opts = { fetch: false };`,
    ];
    for (const code of good) expect(findUnsafe(sample(code)), code).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------------------ */

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'].map((b) => join(ROOT, b));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** URLs that are names, not addresses: XML namespaces that Preact and the DOM use to create elements. */
const NAMESPACES = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);
/**
 * Addresses inside third-party code that are text, never requests: pdf-lib's default Producer string
 * (Be Civic overrides it) and iconv-lite's console warnings, both in the PDF chunk that the dashboard
 * loads on "Export PDF" only.
 */
const LIBRARY_TEXT = new Set([
  'https://github.com/Hopding/pdf-lib',
  'https://github.com/ashtuchkin/iconv-lite/wiki/Node-v4-compatibility',
  'https://github.com/ashtuchkin/iconv-lite/wiki/Use-Buffers-when-decoding',
]);
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g;
/** Places where a URL is loaded, not merely shown: CSS url()/@import, HTML src/href/srcset, JS module imports. */
const LOADING_PATTERNS = [
  /url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi,
  /@import\s+["'](?:https?:)?\/\/[^"']*["']/gi,
  /\b(?:src|href|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^\s"'>]*/gi,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\/[^"'`]*/g,
  /\bfrom\s*["'](?:https?:)?\/\/[^"']*["']/g,
];
/** `https://${host}/*`: a host permission pattern built from a catalog host (booking access), not an address. */
const MATCH_PATTERN_TEMPLATE = /^https:\/\/\$\{\w+\}(\/\*?|\$\{\w+\}(\?\*)?)$/;
const FONT_FILE = /\.(woff2?|ttf|otf|eot)(?:[?#][^"'\s)]*)?$/i;

/** Remote URLs that a built file would load, and remote URLs it merely contains, by file. */
export function remoteReferences(text: string, knownLinks: ReadonlySet<string>): { loads: string[]; unknown: string[] } {
  const loads = LOADING_PATTERNS.flatMap((p) => text.match(p) ?? []);
  const unknown = [...new Set(text.match(URL_PATTERN) ?? [])].filter((url) => !NAMESPACES.has(url) && !LIBRARY_TEXT.has(url) && !knownLinks.has(url.replace(/[.,;]+$/, '')) && !MATCH_PATTERN_TEMPLATE.test(url));
  return { loads, unknown };
}

/**
 * Links that the catalog shows the user (portal addresses, provenance, booking pages) and the host
 * patterns of the manifest: these are shown or matched, never fetched by the extension.
 */
function catalogLinks(): Set<string> {
  const text = readFileSync(join(ROOT, 'src/catalog/generated/catalog.json'), 'utf8');
  const hosts = JSON.parse(readFileSync(join(ROOT, 'src/catalog/generated/hosts.json'), 'utf8')) as { install: string[]; onDemand: string[]; matches: string[] };
  return new Set([...(text.match(URL_PATTERN) ?? []), ...hosts.install, ...hosts.onDemand, ...hosts.matches]);
}

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
