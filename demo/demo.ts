/**
 * The demo's core, shared by `npm start` and its test: a Chromium with the built extension loaded, the
 * real portal hostnames served from demo copies through request routing (so the content script sees
 * exactly what it would see for a user), a sample dossier, and, when asked, a walk through every page
 * that writes screenshots and the dossier's PDF summary.
 *
 * Nothing reaches the network: a request for anything but the demo pages is aborted and counted.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, ROOT, eventually, findChromium, inPanel } from '../tests/support/harness';
import { dashboardStrings as strings } from '../src/i18n/dashboard';
import type { Lang } from '../src/i18n';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../src/messaging/protocol';
import { WELCOME_PATH } from '../src/welcome/install';
import { SAMPLE_LABEL, createSampleDossier, type Ask } from './sample';
import { STOPS, type Stop } from './stops';

const PAGES = join(ROOT, 'demo/pages');
/** Screenshots are for people (README, first look): a laptop-sized window. */
const VIEWPORT = { width: 1280, height: 800 };

export interface DemoOptions {
  headless: boolean;
  lang?: Lang;
  /** Where progress lines go; the CLI prints them, the test collects them. */
  log?: (line: string) => void;
}

export interface Demo {
  context: BrowserContext;
  headless: boolean;
  extensionId: string;
  lang: Lang;
  dossierId: string;
  /** Requests that were not for a demo page or the extension, and were aborted. */
  stray: string[];
  /** The extension page that speaks to the background for the demo (the welcome tab). */
  welcome: Page;
  ask: Ask;
  close(): Promise<void>;
}

/** What page.evaluate may use on an extension page (it runs there, not in Node). */
interface ExtensionPageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

export interface WalkResult {
  screenshots: string[];
  pdf: string;
}

/** Serves a stop's demo copy at its exact URL, and a plain "not in the demo" page elsewhere on its host. */
function demoResponse(url: URL): { status: number; html: string } | undefined {
  const stop = STOPS.find((s) => {
    const at = new URL(s.url);
    return at.host === url.host && at.pathname === url.pathname;
  });
  if (stop) return { status: 200, html: readFileSync(join(PAGES, stop.file), 'utf8') };
  if (STOPS.some((s) => new URL(s.url).host === url.host)) {
    return {
      status: 404,
      html: `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not in the demo</title><p><strong>Be Civic demo:</strong> this page of ${url.host} is not part of the demo. The demo copies are offline stand-ins for the real sites.</p></html>`,
    };
  }
  return undefined;
}

export async function openDemo(options: DemoOptions): Promise<Demo> {
  const log = options.log ?? (() => {});
  const lang = options.lang ?? 'en';
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`No built extension in ${CHROME_BUILD}: run npm run build (npm start does it for you)`);
  const profile = mkdtempSync(join(tmpdir(), 'be-civic-demo-'));
  const locale = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-GB' }[lang];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless,
    locale,
    viewport: options.headless ? VIEWPORT : null,
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-quic',
      `--lang=${locale}`,
      ...(options.headless ? ['--disable-gpu'] : [`--window-size=${VIEWPORT.width},${VIEWPORT.height + 120}`]),
    ],
  });
  try {
    const stray: string[] = [];
    await context.route(
      (url) => url.protocol !== 'chrome-extension:',
      (route) => {
        const response = demoResponse(new URL(route.request().url()));
        if (response) return route.fulfill({ status: response.status, contentType: 'text/html; charset=utf-8', body: response.html });
        stray.push(route.request().url());
        return route.abort();
      },
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    log(`Be Civic loaded (extension ${extensionId}) from ${CHROME_BUILD}`);

    const welcomeUrl = `chrome-extension://${extensionId}${WELCOME_PATH}`;
    const welcome = await eventually(async () => context.pages().find((p) => p.url() === welcomeUrl), 'the welcome page the extension opens on install');
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    log('The welcome page opened on install');
    for (const blank of context.pages().filter((p) => p.url() === 'about:blank')) await blank.close();

    const ask: Ask = async <T extends MessageType>(type: T, payload: RequestOf<T>) => {
      const reply = await welcome.evaluate(
        (message) => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage(message) as Promise<Reply | undefined>,
        { type, payload },
      );
      if (!reply?.ok) throw new Error(`${type}: ${reply ? JSON.stringify(reply.error) : 'no answer'}`);
      return reply.data as ResponseOf<T>;
    };
    const dossierId = await createSampleDossier(ask, lang);
    log(`Sample dossier created (${dossierId})`);

    return {
      context,
      headless: options.headless,
      extensionId,
      lang,
      dossierId,
      stray,
      welcome,
      ask,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Opens a stop and waits until the panel shows the catalog page the stop expects; says whether it did. */
export async function visitStop(demo: Demo, stop: Stop): Promise<{ page: Page; panel: boolean }> {
  const page = await demo.context.newPage();
  await page.goto(stop.url);
  const probe = () => inPanel<string>(page, `(root) => root.querySelector('aside')?.dataset.page`);
  const bound = stop.access === 'on-demand' ? 3_000 : 10_000;
  const shown = await eventually(probe, `the Be Civic panel on ${stop.url}`, bound).catch(() => undefined);
  if (shown === stop.page) return { page, panel: true };
  if (shown === undefined && stop.access === 'on-demand') return { page, panel: false };
  throw new Error(`The panel did not recognise ${stop.url} as catalog page ${stop.page} (it showed ${shown ?? 'nothing'}). Is the catalog compiled and the extension rebuilt?`);
}

/** What the demo says about a commune site (booking, e-guichet) the user has not allowed yet; the button is the dashboard's own words. */
export function notGrantedNote(stop: Stop, headless: boolean, lang: Lang = 'en'): string {
  const host = new URL(stop.url).host;
  return headless
    ? `${host}: no panel until you allow this commune's site from the dashboard (Chromium asks in a prompt of its own, which an automated run cannot answer)`
    : `${host}: no panel yet. In the dashboard, click "${strings(lang).allowSite(host)}", accept Chromium's question, then reload that tab`;
}

/** Opens the dashboard on the sample dossier. */
export async function openDashboard(demo: Demo): Promise<Page> {
  const page = await demo.context.newPage();
  await page.goto(`chrome-extension://${demo.extensionId}/dashboard.html#dossier=${encodeURIComponent(demo.dossierId)}`);
  await page.getByText(SAMPLE_LABEL).first().waitFor();
  return page;
}

/** For a person at the window: every stop in its own tab, then the dashboard in front. */
export async function presentDemo(demo: Demo, log: (line: string) => void = () => {}): Promise<Page> {
  for (const stop of STOPS) {
    const { panel } = await visitStop(demo, stop);
    log(panel ? `${new URL(stop.url).host}: the panel recognises ${stop.page}` : notGrantedNote(stop, demo.headless, demo.lang));
  }
  const dashboard = await openDashboard(demo);
  await dashboard.bringToFront();
  return dashboard;
}

/** Walks the demo as a user would and writes what it saw into `outDir`. */
export async function walkDemo(demo: Demo, outDir: string, log: (line: string) => void = () => {}): Promise<WalkResult> {
  mkdirSync(outDir, { recursive: true });
  const screenshots: string[] = [];
  const shoot = async (page: Page, name: string) => {
    const file = join(outDir, `${String(screenshots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    screenshots.push(file);
    log(`  screenshot ${file}`);
  };

  await demo.welcome.bringToFront();
  await shoot(demo.welcome, 'welcome');

  for (const stop of STOPS) {
    const { page, panel } = await visitStop(demo, stop);
    if (panel) {
      log(`${new URL(stop.url).host}: the panel recognises ${stop.page}`);
      await shoot(page, stop.name);
    } else log(notGrantedNote(stop, demo.headless));
    await page.close();
  }

  const dashboard = await openDashboard(demo);
  await shoot(dashboard, 'dashboard');
  const t = strings(demo.lang);
  await dashboard.getByRole('heading', { name: t.checklist, exact: true }).first().evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(dashboard, 'dashboard-checklist');
  const pdf = join(outDir, 'be-civic-summary.pdf');
  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: t.exportPdf, exact: true }).click()]);
  await download.saveAs(pdf);
  if (!readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error(`${pdf} is not a PDF`);
  log(`  PDF summary ${pdf}`);
  writeFileSync(join(outDir, 'README.txt'), `Written by npm start -- --headless on ${new Date().toISOString()}.\nDemo copies of portal pages; the dossier is a sample.\n`);
  return { screenshots, pdf };
}
