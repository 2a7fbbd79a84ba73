/**
 * Storage faults as the user meets them: a full disk (QuotaExceededError while a transaction is under
 * way) and a browser that refuses IndexedDB altogether (Firefox "never remember history").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBTransaction } from 'fake-indexeddb';
import { harness, BIRTH_TAB, exportJson, importReply } from '../../tests/support/store';
const UNAVAILABLE = { code: 'store.unavailable' };

type ExecArgs = { operation: () => unknown; source?: { name?: string } | null };
const proto = IDBTransaction.prototype as unknown as { _execRequestAsync(args: ExecArgs): unknown };
const original = proto._execRequestAsync;

/** Makes every request on `storeName` fail as a full disk does: the request errors, the transaction aborts. */
function fillDiskOn(storeName: string) {
  proto._execRequestAsync = function (this: unknown, args: ExecArgs) {
    if (args.source?.name === storeName) {
      return original.call(this, { ...args, operation: () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); } });
    }
    return original.call(this, args);
  };
}

const realIndexedDB = globalThis.indexedDB;
afterEach(() => {
  proto._execRequestAsync = original;
  globalThis.indexedDB = realIndexedDB;
});

describe('storage full', () => {
  it('answers with a clear message and writes nothing of the action', async () => {
    const h = harness();
    const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'in-progress' });
    const before = await h.snapshot();
    const notices = h.notices.length;
    // The progress record and its history are written before the attachment bytes fail.
    fillDiskOn('attachments');
    const reply = await h.raw({ type: 'attachment:add', payload: { dossierId: dossier.id, artefact: 'id-copy', name: 'big.pdf', type: 'application/pdf', base64: btoa('x'.repeat(3000)) } });
    expect(reply).toEqual({ ok: false, error: { code: 'store.quota' } });
    fillDiskOn('history');
    const second = await h.raw({ type: 'progress:set-status', payload: { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' } });
    expect(second.ok).toBe(false);
    proto._execRequestAsync = original;
    expect(await h.snapshot()).toEqual(before);
    expect(h.notices.length).toBe(notices);
    // Once there is room again, the same action succeeds.
    expect((await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' })).status).toBe('obtained');
  });

  it('an import that does not fit leaves the old data in place', async () => {
    const source = harness();
    const d = await source.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    await source.call('attachment:add', { dossierId: d.id, artefact: 'id-copy', name: 'scan', type: 'image/png', base64: btoa('png') });
    const { json } = await exportJson(source);
    const target = harness();
    await target.call('dossier:create', { procedure: 'nationality', label: 'Kept', answers: {}, choices: {}, lang: 'nl' });
    const before = await target.snapshot();
    fillDiskOn('attachments');
    const reply = await importReply(target, json);
    expect(reply).toEqual({ ok: false, error: { code: 'store.quota' } });
    proto._execRequestAsync = original;
    expect(await target.snapshot()).toEqual(before);
  });
});

describe('IndexedDB unavailable', () => {
  function refuseIndexedDB() {
    // What Firefox does in "never remember history": opening fails with InvalidStateError.
    globalThis.indexedDB = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
  }

  it('reads as empty with the reason, refuses every write with a clear message', async () => {
    refuseIndexedDB();
    const h = harness();
    expect(await h.call('store:status', {})).toEqual({ writable: false, problem: UNAVAILABLE });
    expect(await h.call('dossier:list', {})).toEqual([]);
    expect(await h.call('settings:get', {})).toMatchObject({ keepNationalRegisterNumber: false });
    const state = await h.call('page:state', { page: 'irisbox-birth' }, BIRTH_TAB);
    expect(state).toMatchObject({ storageProblem: UNAVAILABLE, dossiers: [] });
    for (const [type, payload] of [
      ['dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' }],
      ['settings:update', { lang: 'fr' }],
      ['data:wipe', { confirm: true }],
    ] as const) {
      expect(await h.raw({ type, payload }), type).toEqual({ ok: false, error: UNAVAILABLE });
    }
    expect(await h.raw({ type: 'backup:export-begin', payload: {} })).toEqual({ ok: false, error: { code: 'backup.nothing-to-export' } });
    expect(h.notices).toEqual([]);
  });

  it('is also the answer when there is no IndexedDB at all, and recovers when it comes back', async () => {
    const h = harness();
    globalThis.indexedDB = undefined as unknown as IDBFactory;
    expect((await h.call('store:status', {})).writable).toBe(false);
    globalThis.indexedDB = realIndexedDB;
    expect(await h.call('store:status', {})).toEqual({ writable: true });
    await h.call('settings:update', { lang: 'de' });
    expect((await h.call('settings:get', {})).lang).toBe('de');
  });
});
