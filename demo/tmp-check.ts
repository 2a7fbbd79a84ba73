import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, findChromium } from '../tests/browser/harness';
import { visitStop } from './demo';
import { STOPS } from './stops';
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'x-')), { executablePath: findChromium(), headless: true, viewport: { width: 1280, height: 800 }, locale: 'en-GB', args: [`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, '--no-sandbox', '--lang=en-GB'] });
await context.route((u) => u.protocol !== 'chrome-extension:', (r) => { const u = new URL(r.request().url()); const s = STOPS.find((s) => new URL(s.url).host === u.host); return s ? r.fulfill({ contentType: 'text/html', body: readFileSync('demo/pages/' + s.file, 'utf8') }) : r.abort(); });
await context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
for (const s of STOPS) {
  try { const p = await visitStop({ context } as never, s); console.log('ok', s.name); await p.screenshot({ path: `/tmp/${s.name}.png` }); } catch (e) { console.log((e as Error).message); }
}
await context.close();
