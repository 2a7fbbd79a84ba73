/**
 * The real background, in Chromium, under thousands of random and malformed messages from the two
 * kinds of context that can talk to it: an extension page and a content script on a portal page
 * (which may try page-only operations). Every bad message must get a clear refusal, nothing in the
 * user's data may change, the worker must not throw or crash, and it must still answer good messages.
 * The unit tests fuzz the protocol's schemas; this is the same promise end to end.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, inPanel, launch, type Session } from '../support/harness';
import { contentScriptWorld, record, type Recorder } from '../support/recorder';
import { PROTOCOL, parseEnvelope, type MessageType } from '../../src/messaging/protocol';
import { isAppError, type AppError } from '../../src/model/errors';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const FROM_PAGE = 3_000;
const FROM_CONTENT = 2_000;

/** mulberry32: a small seeded generator, so a failure can be replayed with FUZZ_SEED. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof generator>;

const TYPES = Object.keys(PROTOCOL) as MessageType[];
const NASTY_STRINGS = ['', ' ', '__proto__', 'constructor', 'prototype', 'toString', '<img src=x onerror=alert(1)>', '"}]\u0000', '\uD800', '🇧🇪', 'data:wipe', 'a'.repeat(70_000), '12345678901', 'javascript:alert(1)', '../../etc/passwd', 'null'];

function junk(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, rng.int(1e6)]);
    case 3:
      return rng.pick(NASTY_STRINGS);
    case 4:
      return Array.from({ length: 1 + rng.int(12) }, () => String.fromCharCode(rng.int(0x3000))).join('');
    case 5:
      return Array.from({ length: rng.int(5) }, () => junk(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(5); i > 0; i--) out[rng.pick([...NASTY_STRINGS.slice(0, 8), 'type', 'payload', 'id', 'dossierId', 'confirm', 'json', 'lang', 'page'])] = junk(rng, depth + 1);
      return out;
    }
  }
}

/** A plausible payload for a type — its fields filled with junk and one key the strict schemas reject. */
function brokenPayload(rng: Rng, type: MessageType): unknown {
  const shape = (PROTOCOL[type].request as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape ?? {};
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (rng.next() < 0.8) payload[key] = junk(rng, 2);
  payload[rng.pick(['__fuzz', 'extra', 'constructor', 'then'])] = junk(rng, 2);
  return payload;
}

function deep(levels: number): unknown {
  let value: unknown = { type: 'dossier:list', payload: {} };
  for (let i = 0; i < levels; i++) value = { payload: value };
  return value;
}

/** Messages that no schema accepts. */
function malformed(rng: Rng, count: number): unknown[] {
  const out: unknown[] = [null, 0, 'dossier:list', [], ['dossier:list', {}], { type: 'dossier:list' }, { payload: {} }, { type: '__proto__', payload: {} }, { type: 'toString', payload: {} }, { type: 'hasOwnProperty', payload: {} }, deep(300), { type: 'data:wipe', payload: { confirm: 'true' } }, { type: 'backup:import-chunk', payload: { transfer: 't', index: 0, data: 'x'.repeat(1_000_000), extra: 1 } }, { type: 'backup:import-chunk', payload: { transfer: 't', index: 0, data: 'x'.repeat(4 * 1024 * 1024 + 1) } }];
  // A junk payload can be valid by chance: the protocol's own parser keeps only what it rejects.
  const rejected = out.filter((m) => !parseEnvelope(m).ok);
  while (rejected.length < count) {
    const roll = rng.next();
    const candidate =
      roll < 0.15
        ? junk(rng)
        : roll < 0.3
          ? { type: rng.pick([...NASTY_STRINGS.slice(0, 10), 'dossier:List', 'DATA:WIPE', 'dossier:create ', 'be-civic:changed']), payload: junk(rng) }
          : roll < 0.45
            ? { type: rng.pick(TYPES), payload: junk(rng) }
            : { type: rng.pick(TYPES), payload: brokenPayload(rng, rng.pick(TYPES)), ...(rng.next() < 0.1 ? { extra: junk(rng) } : {}) };
    if (!parseEnvelope(candidate).ok) rejected.push(candidate);
  }
  return rejected;
}

interface Reply {
  ok?: boolean;
  error?: AppError;
}

/** Sends every message from the page context, 100 at a time; returns the replies (or the sender-side error). */
const SEND_ALL = `async (messages) => {
  const replies = [];
  for (let i = 0; i < messages.length; i += 100) {
    replies.push(...(await Promise.all(messages.slice(i, i + 100).map((m) =>
      chrome.runtime.sendMessage(m).then((r) => r, (e) => ({ notSent: String(e && e.message || e) }))))));
  }
  return replies;
}`;

/** Everything the extension keeps: every IndexedDB database of its origin, read in full, and storage.local. */
const SNAPSHOT = `async () => {
  const out = {};
  for (const { name, version } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const stores = {};
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store, 'readonly');
      const [keys, values] = await Promise.all(['getAllKeys', 'getAll'].map((op) => new Promise((resolve, reject) => { const r = tx.objectStore(store)[op](); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); })));
      stores[store] = keys.map((k, i) => [k, values[i] instanceof Blob ? 'Blob ' + values[i].size + ' ' + values[i].type : values[i]]);
    }
    db.close();
    out['idb:' + name + '@' + version] = stores;
  }
  if (chrome.storage && chrome.storage.local) out['storage.local'] = await chrome.storage.local.get(null);
  return JSON.stringify(out);
}`;

describe('the background under a fuzz of messages', () => {
  let session: Session;
  let recorder: Recorder;
  let dashboard: Page;
  let portal: Page;
  let before: string;
  let dossierId: string;
  const rng = generator(SEED);

  const fromPage = <T,>(fn: string, arg?: unknown) => dashboard.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`) as Promise<T>;
  const expectRefusals = (messages: unknown[], replies: Array<Reply & { notSent?: string }>) => {
    const wrong = replies
      .map((r, i) => ({ r, m: JSON.stringify(messages[i])?.slice(0, 160) }))
      .filter(({ r }) => !('notSent' in r) && !(r && r.ok === false && isAppError(r.error) && r.error.code !== 'internal'));
    expect(wrong.slice(0, 5), `${wrong.length} messages not refused with a clear error (seed ${SEED})`).toEqual([]);
  };

  beforeAll(async () => {
    session = await launch();
    recorder = await record(session);
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    // Real data to protect: a dossier with a captured value.
    const created = await fromPage<{ ok: boolean; data: { id: string } }>(
      `(m) => chrome.runtime.sendMessage(m)`,
      { type: 'dossier:create', payload: { procedure: 'nationality-declaration-12bis', label: 'Fuzz', answers: {}, choices: {}, lang: 'en' } },
    );
    expect(created.ok).toBe(true);
    dossierId = created.data.id;
    const status = await fromPage<{ ok: boolean }>(`(m) => chrome.runtime.sendMessage(m)`, {
      type: 'progress:set-status',
      payload: { dossierId, artefact: 'id-card-certified-copy', status: 'in-progress' },
    });
    expect(status.ok).toBe(true);
    portal = await session.open('https://my.belgium.be/fr');
    await eventually(() => inPanel<boolean>(portal, `(root) => !!root.querySelector('aside')`), 'the panel');
    before = await fromPage<string>(SNAPSHOT);
    expect(before).toContain(dossierId);
  });
  afterAll(async () => {
    await recorder?.stop();
    await session?.close();
  });

  it(`refuses ${FROM_PAGE} malformed messages from an extension page, each with a clear error`, async () => {
    const messages = malformed(rng, FROM_PAGE);
    const replies = await fromPage<Array<Reply & { notSent?: string }>>(SEND_ALL, messages);
    expect(replies).toHaveLength(messages.length);
    expectRefusals(messages, replies);
    console.info(`fuzz (seed ${SEED}): ${replies.filter((r) => r.ok === false).length} refused, ${replies.filter((r) => 'notSent' in r).length} not sendable, from an extension page`);
  });

  it(`refuses ${FROM_CONTENT} messages from a content script, page-only operations included`, async () => {
    const pageOnly = TYPES.filter((t) => PROTOCOL[t].from === 'page');
    const valid: Record<string, unknown> = {
      'data:wipe': { confirm: true },
      'backup:export-begin': {},
      'backup:export-chunk': { transfer: 't', index: 0 },
      'backup:export-end': { transfer: 't' },
      'backup:import-begin': { bytes: 2 },
      'backup:import-chunk': { transfer: 't', index: 0, data: '{}' },
      'backup:import-end': { transfer: 't', chunks: 1 },
      'dossier:list': {},
      'dossier:get': { id: dossierId },
      'dossier:delete': { id: dossierId },
      'settings:get': {},
      'settings:update': {},
      'history:undo': { dossierId },
      'storage:estimate': {},
      'store:status': {},
    };
    const messages = [
      ...pageOnly.filter((t) => t in valid).map((type) => ({ type, payload: valid[type] })),
      { type: 'progress:set-status', payload: { dossierId: 'no-such-dossier', artefact: 'id-card-certified-copy', status: 'obtained' } },
      ...malformed(rng, FROM_CONTENT),
    ];
    const world = await contentScriptWorld(portal, session.extensionId);
    try {
      const replies = await world.evaluate<Array<Reply & { notSent?: string }>>(`(${SEND_ALL})(${JSON.stringify(messages)})`);
      expect(replies).toHaveLength(messages.length);
      expectRefusals(messages, replies);
      for (const [i, type] of pageOnly.filter((t) => t in valid).entries()) expect(replies[i]?.error, type).toEqual({ code: 'sender.not-extension-page', params: { type } });
    } finally {
      await world.cdp.detach();
    }
  });

  it('changed nothing, threw nothing, and still answers', async () => {
    expect(await fromPage<string>(SNAPSHOT)).toBe(before);
    expect(recorder.errors).toEqual([]);
    expect(session.context.serviceWorkers().map((w) => w.url())).toEqual([session.worker.url()]);
    const status = await fromPage<{ ok: boolean; data: unknown }>(`(m) => chrome.runtime.sendMessage(m)`, { type: 'store:status', payload: {} });
    expect(status).toEqual({ ok: true, data: { writable: true } });
    const list = await fromPage<{ ok: boolean; data: Array<{ id: string }> }>(`(m) => chrome.runtime.sendMessage(m)`, { type: 'dossier:list', payload: {} });
    expect(list.data.map((d) => d.id)).toEqual([dossierId]);
    expect(session.stray).toEqual([]);
  });
});
