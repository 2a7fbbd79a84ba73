/**
 * The store in a real Chromium, through the built extension's service worker: two tabs writing at
 * once lose nothing, stopping the worker between writes loses no acknowledged write, attachments
 * survive as Blobs, and a change made in one tab reaches the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launch, type Session } from './harness';

/** The extension API as an extension page sees it (the pages run in Chromium, not in this Node process). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<any>; onMessage: { addListener(listener: (message: unknown) => void): void } };
};

const PROCEDURE = 'nationality-declaration-12bis';
const ARTEFACT = 'id-card-certified-copy';

type Reply = { ok: true; data: any } | { ok: false; error: string };

/** Sends one protocol message from an extension page, as the dashboard does. */
function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload] as const);
}
async function call(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = await send(page, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.data;
}

describe('store in the browser', () => {
  let session: Session;
  let a: Page;
  let b: Page;
  let dossierId: string;

  beforeAll(async () => {
    session = await launch();
    const url = `chrome-extension://${session.extensionId}/dashboard.html`;
    a = await session.open(url);
    b = await session.open(url);
    const dossier = await call(a, 'dossier:create', { procedure: PROCEDURE, label: 'Me', answers: {}, choices: {}, lang: 'en' });
    dossierId = dossier.id;
  });
  afterAll(() => session?.close());

  it('two tabs × 200 concurrent updates of the same record are all present', async () => {
    const burst = (page: Page, tab: string) =>
      page.evaluate(
        ([dossierId, artefact, tab]) =>
          Promise.all(
            Array.from({ length: 200 }, (_, i) =>
              chrome.runtime.sendMessage({ type: 'progress:capture', payload: { dossierId, artefact, field: `${tab}-${i}`, value: `${tab}${i}` } }),
            ),
          ),
        [dossierId, ARTEFACT, tab] as const,
      );
    const [fromA, fromB] = await Promise.all([burst(a, 'a'), burst(b, 'b')]);
    expect([...fromA, ...fromB].filter((r: Reply) => !r.ok)).toEqual([]);
    const detail = await call(a, 'dossier:get', { id: dossierId });
    const captured = detail.progress.find((p: { artefact: string }) => p.artefact === ARTEFACT).captured;
    expect(Object.keys(captured).length).toBe(400);
    for (let i = 0; i < 200; i++) expect([captured[`a-${i}`]?.value, captured[`b-${i}`]?.value]).toEqual([`a${i}`, `b${i}`]);
    expect(detail.history.filter((e: { store: string }) => e.store === 'progress').length).toBe(400);
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
      await cdp.send('ServiceWorker.stopAllWorkers');
      await eventually(async () => statuses.filter((s) => s === 'stopped').length > stopped, 'the worker stopped');
    };
    const acknowledged = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const saved = await call(a, 'progress:capture', { dossierId, artefact: ARTEFACT, field: `stop-${i}`, value: `after stop ${i}` });
      acknowledged.set(`stop-${i}`, saved.captured[`stop-${i}`].value);
      await stop();
    }
    // Now stop it while 40 writes are under way: some may fail to be answered, every answered one must be kept.
    const inFlight = a.evaluate(
      ([dossierId, artefact]) =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            chrome.runtime
              .sendMessage({ type: 'progress:capture', payload: { dossierId, artefact, field: `flight-${i}`, value: `v${i}` } })
              .then((reply: { ok: boolean }) => (reply?.ok ? `flight-${i}` : null), () => null),
          ),
        ),
      [dossierId, ARTEFACT] as const,
    );
    await new Promise((r) => setTimeout(r, 30));
    await stop();
    for (const field of await inFlight) if (field) acknowledged.set(field, `v${field.slice('flight-'.length)}`);
    await cdp.detach();
    expect(statuses.filter((s) => s === 'stopped').length).toBeGreaterThanOrEqual(13);
    const detail = await call(b, 'dossier:get', { id: dossierId });
    const captured = detail.progress.find((p: { artefact: string }) => p.artefact === ARTEFACT).captured;
    const kept = Object.fromEntries([...acknowledged.keys()].map((field) => [field, captured[field]?.value]));
    expect(kept).toEqual(Object.fromEntries(acknowledged));
    expect(acknowledged.size).toBeGreaterThan(12);
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
    await b.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as unknown as { seen: unknown[] }).seen = seen;
      chrome.runtime.onMessage.addListener((message: unknown) => void seen.push(message));
    });
    await call(a, 'progress:set-status', { dossierId, artefact: ARTEFACT, status: 'obtained' });
    const notices = await eventually(
      () => b.evaluate(() => ((globalThis as unknown as { seen: unknown[] }).seen.length ? (globalThis as unknown as { seen: unknown[] }).seen : undefined)),
      'the change notice in the other tab',
    );
    expect(notices).toContainEqual({ kind: 'be-civic:changed', stores: ['progress'], dossierId });
  });

  it('reports storage usage and whether it is persistent', async () => {
    const estimate = await call(a, 'storage:estimate', {});
    expect(estimate.usage).toBeGreaterThan(0);
    expect(estimate.quota).toBeGreaterThan(estimate.usage);
    expect(typeof estimate.persisted).toBe('boolean');
    expect(session.stray).toEqual([]);
  });
});
