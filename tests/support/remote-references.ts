/**
 * What the built extension would load or name from the network: the built test
 * (tests/built/build-ships.test.ts) scans .output/ with it, and tests/unit/source-safety.test.ts checks
 * the scanner on samples. No lint rule sees the bundles, which carry third-party code too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sources';

export const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'].map((b) => join(ROOT, b));

export function files(dir: string): string[] {
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
export const FONT_FILE = /\.(woff2?|ttf|otf|eot)(?:[?#][^"'\s)]*)?$/i;

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
export function catalogLinks(): Set<string> {
  const text = readFileSync(join(ROOT, 'src/catalog/generated/catalog.json'), 'utf8');
  const hosts = JSON.parse(readFileSync(join(ROOT, 'src/catalog/generated/hosts.json'), 'utf8')) as { install: string[]; onDemand: string[]; matches: string[] };
  return new Set([...(text.match(URL_PATTERN) ?? []), ...hosts.install, ...hosts.onDemand, ...hosts.matches]);
}
