/**
 * The store in a real Chromium, through the built extension's service worker: two portal tabs writing
 * at once (through their content scripts, the real sender path) lose nothing, stopping the worker
 * between writes loses no acknowledged write, attachments survive as Blobs, and a change made in one
 * tab reaches the others. Writers are the light welcome page, not the dashboard, which re-reads
 * everything on each change and would turn a 400-write burst into a test of itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launch, type Session } from '../support/harness';

/** The extension API as an extension page sees it (the pages run in Chromium, not in this Node process). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<any>; onMessage: { addListener(listener: (message: unknown) => void): void } };
};

const PROCEDURE = 'nationality-declaration-12bis';
const ARTEFACT = 'id-card-certified-copy';
/** Served by the iMio e-guichet form pages (any *.guichet-citoyen.be path), which capture a reference. */
const EGUICHET_ARTEFACT = 'household-composition-certificate';

/**
 * Evaluates `expression` in the tab's Be Civic content script world (found through the DevTools
 * protocol), so messages leave from a real content script with the tab as their sender.
 */
async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; name: string; auxData?: { type?: string } } }) => void contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const context = await eventually(async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Be Civic'), 'the content script world');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { contextId: context.id, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

type Reply = { ok: true; data: any } | { ok: false; error: { code: string; params?: Record<string, unknown> } };

/** Sends one protocol message from an extension page, as the dashboard does. */
function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload] as const);
}
async function call(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = await send(page, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

describe('store in the browser', () => {
  let session: Session;
  let a: Page;
  let b: Page;
  let dossierId: string;

  beforeAll(async () => {
    // A commune's e-guichet is granted on demand, as a user does from the dashboard.
    session = await launch({ grantOrigins: ['https://lalouviere-formulaires.guichet-citoyen.be/*', 'https://namur-formulaires.guichet-citoyen.be/*'] });
    await session.serve('https://*.guichet-citoyen.be/**', { html: '<!doctype html><title>Démarche</title><h1>Certificat de composition de ménage</h1>' });
    const url = `chrome-extension://${session.extensionId}/welcome.html`;
    a = await session.open(url);
    b = await session.open(url);
    const dossier = await call(a, 'dossier:create', { procedure: PROCEDURE, label: 'Me', answers: {}, choices: {}, lang: 'en' });
    dossierId = dossier.id;
  });
  afterAll(() => session?.close());

  it('two portal tabs × 200 concurrent updates of the same record: every one acknowledged and recorded in order', async () => {
    const tabs = await Promise.all(['https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-composition-de-menage/', 'https://namur-formulaires.guichet-citoyen.be/v2-demande-composition-de-menage/'].map((u) => session.open(u)));
    // Captures come from the panel's frame (an extension page bound to its tab), never from the page's world.
    const burst = async (page: Page, tab: string) =>
      (await eventually(async () => page.frames().find((f) => /\/panel\.html/.test(f.url())), 'the panel frame')).evaluate<Array<{ ok: boolean; error?: unknown }>>(
        `Promise.all(Array.from({ length: 200 }, (_, i) => chrome.runtime.sendMessage({ type: 'progress:capture', payload: { dossierId: ${JSON.stringify(dossierId)}, artefact: ${JSON.stringify(EGUICHET_ARTEFACT)}, field: 'reference', value: '${tab}-' + i } })))`,
      );
    const [fromA, fromB] = await Promise.all([burst(tabs[0]!, 'a'), burst(tabs[1]!, 'b')]);
    expect([...fromA, ...fromB].filter((r) => !r.ok)).toEqual([]);
    // The page's content script is refused the dossier list and any change: those come from extension pages and the panel's frame.
    expect(await inContentScript(tabs[0]!, `chrome.runtime.sendMessage({ type: 'dossier:list', payload: {} })`)).toEqual({ ok: false, error: { code: 'sender.not-extension-page', params: { type: 'dossier:list' } } });
    expect(
      await inContentScript(tabs[0]!, `chrome.runtime.sendMessage({ type: 'progress:set-status', payload: { dossierId: ${JSON.stringify(dossierId)}, artefact: ${JSON.stringify(ARTEFACT)}, status: 'obtained' } })`),
    ).toMatchObject({ ok: false, error: { code: 'sender.wrong-kind' } });
    await Promise.all(tabs.map((t) => t.close()));

    const detail = await call(a, 'dossier:get', { id: dossierId });
    type Entry = { store: string; before: { captured: Record<string, { value: string }> } | null; after: { captured: Record<string, { value: string }> } };
    const entries = (detail.history as Entry[]).filter((e) => e.store === 'progress');
    expect(entries.length).toBe(400);
    // A lost update shows as a change whose "before" is not what the previous change left.
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.before, `entry ${i}`).toEqual(entries[i - 1]!.after);
    const values = entries.map((e) => e.after.captured.reference!.value);
    expect(new Set(values)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => [`a-${i}`, `b-${i}`]).flat()));
    const record = detail.progress.find((p: { artefact: string }) => p.artefact === EGUICHET_ARTEFACT);
    expect(record.captured.reference.value).toBe(values.at(-1));
  });

  it('stopping the service worker between writes, or during them, loses no acknowledged write', async () => {
    const cdp = await session.context.newCDPSession(a);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      for (const v of event.versions) if (v.scriptURL.endsWith('/background.js')) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const stop = async () => {
      const stopped = statuses.filter((s) => s === 'stopped').length;
      for (const until = Date.now() + 15_000; statuses.filter((s) => s === 'stopped').length === stopped; ) {
        if (Date.now() > until) throw new Error(`the worker did not stop; its last states: ${statuses.slice(-8).join(' → ')}`);
        // A worker that is still starting may ignore the request: ask again until it has stopped.
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const acknowledged = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const saved = await call(a, 'progress:capture', { dossierId, artefact: ARTEFACT, field: `stop-${i}`, value: `after stop ${i}` });
      acknowledged.set(`stop-${i}`, saved.captured[`stop-${i}`].value);
      await stop();
    }
    // Now stop it while 40 writes are under way, as soon as the first few are answered: the answered
    // ones must be kept, the others may or may not have landed.
    await a.evaluate(
      ([dossierId, artefact]) => {
        const acks: string[] = [];
        const all = Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            chrome.runtime
              .sendMessage({ type: 'progress:capture', payload: { dossierId, artefact, field: `flight-${i}`, value: `v${i}` } })
              .then((reply: { ok: boolean }) => void (reply?.ok && acks.push(`flight-${i}`)), () => undefined),
          ),
        );
        Object.assign(globalThis, { flight: { acks, all } });
      },
      [dossierId, ARTEFACT] as const,
    );
    await eventually(() => a.evaluate(() => (globalThis as unknown as { flight: { acks: string[] } }).flight.acks.length >= 3), 'the first answers');
    await stop();
    const answered = await a.evaluate(async () => {
      const { acks, all } = (globalThis as unknown as { flight: { acks: string[]; all: Promise<unknown> } }).flight;
      await all;
      return acks;
    });
    for (const field of answered) acknowledged.set(field, `v${field.slice('flight-'.length)}`);
    await cdp.detach();
    expect(statuses.filter((s) => s === 'stopped').length).toBeGreaterThanOrEqual(13);
    const detail = await call(b, 'dossier:get', { id: dossierId });
    const captured = detail.progress.find((p: { artefact: string }) => p.artefact === ARTEFACT).captured;
    const kept = Object.fromEntries([...acknowledged.keys()].map((field) => [field, captured[field]?.value]));
    expect(kept).toEqual(Object.fromEntries(acknowledged));
    expect(acknowledged.size).toBeGreaterThanOrEqual(15);
  });

  it('keeps attachments as Blobs and gives back the exact bytes', async () => {
    const bytes = Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256);
    const base64 = Buffer.from(bytes).toString('base64');
    const saved = await call(a, 'attachment:add', { dossierId, artefact: ARTEFACT, name: 'scan.png', type: 'image/png', base64 });
    const meta = saved.attachments.at(-1);
    expect(meta).toMatchObject({ name: 'scan.png', type: 'image/png', size: 300_000 });
    expect(await call(b, 'attachment:get', { id: meta.id })).toEqual({ name: 'scan.png', type: 'image/png', base64 });
  });

  it('a change made in one tab is announced to the others', async () => {
    const dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
    await dashboard.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as unknown as { seen: unknown[] }).seen = seen;
      chrome.runtime.onMessage.addListener((message: unknown) => void seen.push(message));
    });
    const portal = await session.open('https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-composition-de-menage/');
    await inContentScript(portal, `globalThis.seenByPanel = []; chrome.runtime.onMessage.addListener((m) => void globalThis.seenByPanel.push(m)); true`);
    await call(a, 'progress:set-status', { dossierId, artefact: ARTEFACT, status: 'obtained' });
    // Extension pages also hear other contexts' requests (runtime messages go to every page): wait for the notice itself.
    const notices = await eventually(
      () => dashboard.evaluate(() => ((globalThis as unknown as { seen: Array<{ kind?: string }> }).seen.some((m) => m?.kind === 'be-civic:changed') ? (globalThis as unknown as { seen: unknown[] }).seen : undefined)),
      'the change notice in the other tab',
    );
    expect(notices).toContainEqual({ kind: 'be-civic:changed', stores: ['progress'], dossierId });
    const inPortal = await eventually(() => inContentScript<unknown[]>(portal, `globalThis.seenByPanel.some((m) => m && m.kind === 'be-civic:changed') ? globalThis.seenByPanel : null`), 'the notice in the portal tab');
    expect(inPortal).toContainEqual({ kind: 'be-civic:changed', stores: ['progress'], dossierId });
  });

  it('reports storage usage and whether it is persistent', async () => {
    const estimate = await call(a, 'storage:estimate', {});
    expect(estimate.usage).toBeGreaterThan(0);
    expect(estimate.quota).toBeGreaterThan(estimate.usage);
    expect(typeof estimate.persisted).toBe('boolean');
    expect(session.stray).toEqual([]);
  });

  it('reopens after the database is deleted from another page, and says so when a newer version took it over', async () => {
    // Another context of the extension's origin (here the welcome page) deletes the database: the
    // worker's connection must give way, and the next write must open a fresh database.
    const deleted = await a.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase('be-civic');
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve(`error ${request.error?.name}`);
        }),
    );
    expect(deleted).toBe('deleted');
    expect(await call(a, 'store:status', {})).toEqual({ writable: true });
    const again = await call(a, 'dossier:create', { procedure: PROCEDURE, label: 'Again', answers: {}, choices: {}, lang: 'en' });
    expect((await call(a, 'dossier:list', {})).map((d: { id: string }) => d.id)).toEqual([again.id]);

    // A newer version upgrades it (as an updated Be Civic would): every write is refused with the
    // code the screens translate, reads stay empty, and store:status tells the truth.
    const upgraded = await a.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('be-civic', 1_000);
          request.onsuccess = () => {
            request.result.close();
            resolve(request.result.version);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(upgraded).toBe(1_000);
    expect(await send(a, 'progress:set-status', { dossierId: again.id, artefact: ARTEFACT, status: 'obtained' })).toEqual({ ok: false, error: { code: 'store.newer-version' } });
    expect(await call(a, 'store:status', {})).toEqual({ writable: false, problem: { code: 'store.newer-version' } });
    expect(await call(a, 'dossier:list', {})).toEqual([]);
  });
});
