/**
 * "Nothing leaves the browser", checked: every request of every extension context — the background
 * service worker, the extension pages, the content script in portal tabs — is recorded through a whole
 * user scenario, and the only ones allowed are the portal pages the test itself opens (served from
 * fixtures). The recorder then proves it would have seen a request from each kind of context.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, inPanel, launch, type Session } from './harness';
import { contentScriptWorld, record, type Recorder, type Seen } from './recorder';

describe('no network', () => {
  let session: Session;
  let recorder: Recorder;
  /** Documents the test navigates to: the only requests that may leave the extension's own package. */
  const opened = new Set<string>();
  let portal: Page;
  let dashboard: Page;
  let dossierId: string;
  const send = <T,>(page: Page, message: unknown) => page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`) as Promise<{ ok: boolean; data: T; error?: string }>;

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
    session = await launch();
    recorder = await record(session);
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    await session.serve('https://irisbox.irisnet.be/**', { fixture: 'irisbox.html' });
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

  it('opens the dashboard and lists the procedures', async () => {
    dashboard = await extensionPage('dashboard.html');
    await eventually(() => dashboard.evaluate(() => document.querySelectorAll('li').length), 'the procedures');
  });

  it('creates a dossier', async () => {
    const created = await send<{ id: string }>(dashboard, {
      type: 'dossier:create',
      payload: { procedure: 'nationality-declaration-12bis', label: 'Me', answers: {}, choices: {}, lang: 'en' },
    });
    expect(created.error).toBeUndefined();
    dossierId = created.data.id;
  });

  it('captures a request number on an IRISbox page, from its content script', async () => {
    const irisbox = await open('https://irisbox.irisnet.be/irisbox/');
    await eventually(() => inPanel<string>(irisbox, `(root) => root.querySelector('aside')?.dataset.page`), 'the IRISbox panel');
    const world = await contentScriptWorld(irisbox, session.extensionId);
    try {
      const captured = await world.evaluate<{ ok: boolean; error?: string }>(
        `chrome.runtime.sendMessage(${JSON.stringify({ type: 'progress:capture', payload: { dossierId, artefact: 'residence-certificate', field: 'reference', value: 'IRIS-2026-000123' } })})`,
      );
      expect(captured.error).toBeUndefined();
    } finally {
      await world.cdp.detach();
    }
  });

  it('exports a backup that holds the capture', async () => {
    const backup = await send<{ json: string; filename: string }>(dashboard, { type: 'backup:export', payload: {} });
    expect(backup.error).toBeUndefined();
    expect(backup.data.json).toContain('IRIS-2026-000123');
  });

  it('made no request but the portal pages the test opened', async () => {
    // Let late work (lazy chunks, deferred writes) happen before looking.
    await new Promise((r) => setTimeout(r, 1_000));
    const targets = recorder.targets();
    expect(targets.some((t) => t.startsWith(`service_worker chrome-extension://${session.extensionId}/`))).toBe(true);
    expect(targets.some((t) => t.startsWith(`page chrome-extension://${session.extensionId}/dashboard.html`))).toBe(true);
    expect(targets.some((t) => t.startsWith('page https://my.belgium.be/'))).toBe(true);
    expect(targets.some((t) => t.startsWith('page https://irisbox.irisnet.be/'))).toBe(true);

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
