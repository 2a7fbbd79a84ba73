/**
 * Launches a real Chromium with the built extension loaded, and serves catalog portal hosts from
 * fixture files through request routing, so the content script sees the real URLs. Every request
 * that is not routed is aborted and recorded: the tests run without network, and can assert on it.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

/** CHROMIUM_PATH, else the usual places of Chromium or Chrome on Linux, macOS and Windows. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`No Chromium found. Install Chromium or Chrome, or set CHROMIUM_PATH. Tried: ${candidates.join(', ')}`);
  return found;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URLs of requests that were not routed to a fixture (and were aborted). */
  stray: string[];
  /** Serves `html` (a string) or a fixture file at every URL matching `pattern`. */
  serve(pattern: string, body: { html: string } | { fixture: string }): Promise<void>;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /**
   * Optional host permissions the user has granted (e.g. "https://auderghem.covservices.net/*").
   * Chromium's permission prompt cannot be answered by automation, so the grant is written the way
   * Chromium stores a user's grant: the profile is launched once, closed, the origins added to the
   * extension's granted and active permissions in its Preferences, and launched again.
   */
  grantOrigins?: string[];
  /** Optional API permissions the user has granted (e.g. "notifications"), written the same way. */
  grantPermissions?: string[];
}

function startChromium(profile: string, options: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${options.locale ?? 'en-GB'}`,
    ],
  });
}

async function extensionIdOf(context: BrowserContext): Promise<{ worker: Worker; extensionId: string }> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { worker, extensionId: new URL(worker.url()).host };
}

function grant(profile: string, extensionId: string, origins: string[], apis: string[]): void {
  const file = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { extensions?: { settings?: Record<string, Record<string, Record<string, string[]>>> } };
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`the profile has no settings for extension ${extensionId}`);
  for (const set of ['granted_permissions', 'active_permissions']) {
    const permissions = (settings[set] ??= {});
    for (const key of set === 'active_permissions' ? ['explicit_host', 'scriptable_host'] : ['explicit_host']) {
      permissions[key] = [...new Set([...(permissions[key] ?? []), ...origins])];
    }
    permissions.api = [...new Set([...(permissions.api ?? []), ...apis])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'be-civic-'));
  if (options.grantOrigins?.length || options.grantPermissions?.length) {
    const first = await startChromium(profile, options);
    const { extensionId } = await extensionIdOf(first);
    await first.close();
    grant(profile, extensionId, options.grantOrigins ?? [], options.grantPermissions ?? []);
  }
  const context = await startChromium(profile, options);
  const stray: string[] = [];
  // The extension's own pages (dashboard, welcome) load their scripts from chrome-extension://: those
  // are not network requests and must not be aborted.
  await context.route((url) => url.protocol !== 'chrome-extension:', (route) => {
    stray.push(route.request().url());
    return route.abort();
  });
  const { worker, extensionId } = await extensionIdOf(context);
  return {
    context,
    worker,
    extensionId,
    stray,
    async serve(pattern, body) {
      const html = 'html' in body ? body.html : readFileSync(join(ROOT, 'tests/fixtures', body.fixture), 'utf8');
      await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `fn` against the panel's closed shadow root. Page scripts cannot reach a closed root; the test
 * reaches it through the DevTools protocol, which sees every shadow root.
 */
export async function inPanel<T>(page: Page, fn: string): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => n.localName === 'be-civic-panel');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${fn})(this); }`,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}
function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return undefined;
}

/** Polls `probe` until it returns a truthy value or the bound passes. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
