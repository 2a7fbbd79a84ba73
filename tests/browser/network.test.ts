/**
 * "Nothing leaves the browser", checked: every request of every extension context — the background
 * service worker, the extension pages, the content script in portal tabs — is recorded through a whole
 * user scenario driven through the real UI (a portal page recognised, a dossier set up on the
 * dashboard, a value captured from the panel, the PDF and a backup exported), and the only ones
 * allowed are the portal pages the test itself opens (served from fixtures). The recorder then proves
 * it would have seen a request from each kind of context.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, eventually, inPanel, launch, type Session } from '../support/harness';
import { contentScriptWorld, record, type Recorder, type Seen } from '../support/recorder';
import { clickInPanel, readPanel } from '../support/panel-support';
import { DASHBOARD_STRINGS as STRINGS } from '../../src/i18n/dashboard';
import { PANEL_STRINGS } from '../../src/i18n/panel';
import { GUIDANCE_STRINGS } from '../../src/i18n/guidance';

/** Answers every question the set-up shows: its first choice, or a plausible value. */
async function answerEverything(page: Page) {
  for (let round = 0; round < 40; round++) {
    const id = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-question]')].find((el) => {
          const radios = el.querySelectorAll<HTMLInputElement>('input[type=radio]');
          if (radios.length) return ![...radios].some((r) => r.checked);
          const control = el.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
          return control !== null && control.value === '';
        })?.dataset.question,
    );
    if (!id) return;
    const question = page.locator(`[data-question="${id}"]`);
    if ((await question.locator('input[type=radio]').count()) > 0) await question.getByRole('radio').first().check();
    else if ((await question.locator('select').count()) > 0) await question.locator('select').selectOption({ index: 1 });
    else {
      const input = question.locator('input');
      await input.fill((await input.getAttribute('type')) === 'date' ? '2020-01-01' : '10');
    }
  }
  throw new Error('the set-up kept asking questions');
}

/** The bytes of the file a click makes the page download. */
async function saved(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await download.path())!);
}

describe('no network', () => {
  let session: Session;
  let recorder: Recorder;
  /** Documents the test navigates to: the only requests that may leave the extension's own package. */
  const opened = new Set<string>();
  let portal: Page;
  let dashboard: Page;
  let dossierId: string;
  const t = STRINGS.en;
  const panelText = PANEL_STRINGS.en;

  const own = (s: Seen) => s.url.startsWith(`chrome-extension://${session.extensionId}/`) || /^(data|blob):/.test(s.url);
  /** The opened documents, and the favicon that the browser itself (not a script) asks for beside each. */
  const allowed = (s: Seen) =>
    (opened.has(s.url) && /^document$/i.test(s.type)) ||
    (s.witness === 'cdp' && s.initiator === 'other' && s.type === 'Other' && [...opened].some((u) => s.url === new URL('/favicon.ico', u).href));
  const open = async (url: string) => {
    opened.add(url);
    return session.open(url);
  };
  const extensionPage = async (path: string) => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    return page;
  };

  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
    recorder = await record(session);
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    // The IRISbox copy as its birth-certificate form, which the 12bis dossier below needs.
    await session.serve('https://irisbox.irisnet.be/**', { html: readFileSync(join(ROOT, 'tests/fixtures/irisbox.html'), 'utf8').replaceAll('Composition de ménage', 'Acte de naissance') });
  });
  afterAll(async () => {
    await recorder?.stop();
    await session?.close();
  });

  it('recognises a portal page and shows the panel', async () => {
    portal = await open('https://my.belgium.be/fr');
    const page = await eventually(() => inPanel<string>(portal, `(root) => root.querySelector('aside')?.dataset.page`), 'the panel');
    expect(page).toBe('my-belgium-home');
  });

  it('sets up a dossier on the dashboard through its questions', async () => {
    dashboard = await extensionPage('dashboard.html#setup');
    // The set-up starts from "What do you want to do?"; the full list is one click away.
    await dashboard.getByRole('button', { name: GUIDANCE_STRINGS.en.allProcedures }).click();
    await dashboard.getByLabel(t.procedure, { exact: true }).selectOption('nationality-declaration-12bis');
    await dashboard.getByLabel(t.whose).fill('Me');
    await dashboard.getByLabel(t.commune, { exact: true }).selectOption('auderghem');
    await answerEverything(dashboard);
    await dashboard.getByRole('button', { name: t.create }).click();
    await dashboard.waitForURL(/#dossier=/);
    dossierId = decodeURIComponent(dashboard.url().split('#dossier=')[1]!);
    await dashboard.getByRole('heading', { level: 1, name: 'Me' }).waitFor();
  });

  it('captures the request number the user selected on an IRISbox page, from the panel', async () => {
    const irisbox = await open('https://irisbox.irisnet.be/irisbox/demo-form/citizen/edit/5f3c9a1b/summary');
    // IRISbox renders its texts late (an Angular app), the request number with them.
    await irisbox.waitForSelector('#request');
    await eventually(async () => {
      const view = await readPanel(irisbox);
      return view && !view.loading && view.text.includes('“Me”') ? view : undefined;
    }, 'the dossier’s need in the panel');
    await irisbox.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#request')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await clickInPanel(irisbox, panelText.captureButton.replace('{field}', 'Request number'));
    const view = await eventually(async () => {
      const v = await readPanel(irisbox);
      return v?.text.includes('IB-DEMO-0001') ? v : undefined;
    }, 'the captured number');
    expect(view.text).toContain('IB-DEMO-0001');
  });

  it('exports the dossier as a PDF', async () => {
    await dashboard.reload();
    await dashboard.getByRole('heading', { level: 1, name: 'Me' }).waitFor();
    const pdf = await saved(dashboard, () => dashboard.getByRole('button', { name: t.exportPdf }).click());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('exports a backup that holds the capture', async () => {
    await dashboard.getByRole('link', { name: t.settings }).click();
    const backup = await saved(dashboard, () => dashboard.getByRole('button', { name: t.backupExport }).click());
    const json = backup.toString('utf8');
    expect(json).toContain(dossierId);
    expect(json).toContain('IB-DEMO-0001');
  });

  it('made no request but the portal pages the test opened', async () => {
    // Let late work (lazy chunks, deferred writes) happen before looking.
    await new Promise((r) => setTimeout(r, 1_000));
    const targets = recorder.targets();
    expect(targets.some((target) => target.startsWith(`service_worker chrome-extension://${session.extensionId}/`))).toBe(true);
    expect(targets.some((target) => target.startsWith(`page chrome-extension://${session.extensionId}/dashboard.html`))).toBe(true);
    expect(targets.some((target) => target.startsWith('page https://my.belgium.be/'))).toBe(true);
    expect(targets.some((target) => target.startsWith('page https://irisbox.irisnet.be/'))).toBe(true);

    const outside = recorder.requests.filter((s) => !own(s));
    expect(outside.filter((s) => !allowed(s)).map((s) => `${s.witness}: ${s.target} → ${s.type} ${s.url}`)).toEqual([]);
    expect(session.stray).toEqual([]);
    expect(recorder.errors).toEqual([]);
    console.info(
      `network: ${recorder.requests.length} requests seen (${recorder.requests.filter(own).length} inside the extension package, ` +
        `${outside.length} to the opened fixture pages, 0 other) across ${targets.length} targets`,
    );
  });

  it('would have seen a request from the background, an extension page, the content script and a worker it starts', async () => {
    const before = recorder.requests.length;
    await session.worker.evaluate(() => {
      void fetch('https://sw.invalid/probe').catch(() => undefined);
      new WebSocket('wss://ws.invalid/probe');
    });
    await dashboard.evaluate(() => navigator.sendBeacon('https://page.invalid/beacon', 'x'));
    const world = await contentScriptWorld(portal, session.extensionId);
    await world.evaluate(`fetch('https://content.invalid/probe').catch(() => 'blocked')`);
    // The recorder attaches to a worker as it starts; Playwright may resume it first, so a request in
    // its very first instant is only sure to reach Playwright's witness. The probe waits a moment.
    await world.evaluate(`new Worker(URL.createObjectURL(new Blob(["setTimeout(() => fetch('https://worker.invalid/probe').catch(() => 0), 1000)"], { type: 'text/javascript' }))) && 1`);
    await world.cdp.detach();
    // Each probe must reach the recorder's own DevTools sessions; Playwright's witness is checked too where it has one.
    const expected = [
      'cdp https://sw.invalid/probe',
      'playwright https://sw.invalid/probe',
      'cdp wss://ws.invalid/probe',
      'cdp https://page.invalid/beacon',
      'cdp https://content.invalid/probe',
      'playwright https://content.invalid/probe',
      'cdp https://worker.invalid/probe',
    ];
    const seen = () => new Set(recorder.requests.slice(before).map((s) => `${s.witness} ${s.url}`));
    await eventually(async () => expected.every((e) => seen().has(e)), 'the probe requests').catch(() => undefined);
    expect(expected.filter((e) => !seen().has(e))).toEqual([]);
    expect(session.stray).toEqual(expect.arrayContaining(['https://sw.invalid/probe', 'https://content.invalid/probe']));
  });
});
