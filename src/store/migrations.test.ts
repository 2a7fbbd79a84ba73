/**
 * The schema and its migrations. Every migration is run from every earlier version on a database
 * holding real data of that version, and nothing may be lost. A migration that fails leaves the
 * database at its old version, data intact.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, openCivicDB, STORE_NAMES, type Migration } from './db';
import { Appointment, Dossier, HistoryEntry, Progress, Settings } from '../model/data';
import { harness } from '../../tests/support/store';

let n = 0;
const fresh = () => `migration-${++n}-${Math.random().toString(36).slice(2)}`;

/**
 * Real data as each released version stored it, written straight into that version's layout. A new
 * migration must come with the data of the version it starts from (checked below).
 */
const DATA_OF_VERSION: Record<number, (db: IDBPDatabase<unknown>) => Promise<void>> = {
  1: async (db) => {
    const tx = db.transaction(['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'], 'readwrite');
    const dossier = { id: 'd1', procedure: 'nationality', label: 'Moi', answers: { 'born-abroad': true }, choices: { birth: 'birth-local' }, commune: 'auderghem', lang: 'fr', createdAt: 1, updatedAt: 2 };
    const progress = {
      dossierId: 'd1',
      artefact: 'birth-certificate',
      status: 'obtained',
      source: 'irisbox',
      captured: { reference: { value: 'IRIS-1', capturedAt: 3, page: 'irisbox-birth' } },
      issuedOn: '2026-10-01',
      expiresOn: '2027-03-31',
      notes: 'ok',
      attachments: [{ id: 'a1', name: 'acte.pdf', type: 'application/pdf', size: 3, addedAt: 4 }],
      updatedAt: 4,
    };
    await Promise.all([
      tx.objectStore('dossiers').put(dossier),
      tx.objectStore('progress').put(progress),
      tx.objectStore('attachments').put({ id: 'a1', dossierId: 'd1', artefact: 'birth-certificate', blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }) }),
      tx.objectStore('appointments').put({ id: 'r1', dossierId: 'd1', service: 'Nationalité', start: '2026-12-01T09:30', createdAt: 5 }),
      tx.objectStore('history').put({ dossierId: 'd1', at: 4, store: 'progress', key: 'd1/birth-certificate', before: null, after: progress }),
      tx.objectStore('settings').put({ panelCollapsed: {}, keepNationalRegisterNumber: false, notifications: false, activeDossier: 'd1' }, 'settings'),
      tx.done,
    ]);
  },
};

const SCHEMAS = { dossiers: Dossier, progress: Progress, appointments: Appointment, history: HistoryEntry, settings: Settings } as const;

async function contents(db: IDBPDatabase<unknown>) {
  const out: Record<string, unknown[]> = {};
  for (const name of db.objectStoreNames) {
    const records = await db.getAll(name);
    out[name] = await Promise.all(records.map(async (r) => (r && typeof r === 'object' && 'blob' in r ? { ...r, blob: [...new Uint8Array(await (r.blob as Blob).arrayBuffer())] } : r)));
  }
  return out;
}

describe('schema', () => {
  it('has every store, key and index the store relies on', async () => {
    const db = await openCivicDB(fresh());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    const tx = db.transaction([...STORE_NAMES]);
    expect(tx.objectStore('progress').keyPath).toEqual(['dossierId', 'artefact']);
    expect(tx.objectStore('history').autoIncrement).toBe(true);
    for (const name of ['progress', 'attachments', 'appointments', 'history'] as const) {
      expect([...tx.objectStore(name).indexNames], name).toEqual(['byDossier']);
    }
    db.close();
  });

  it('has real data for every version a migration starts from', () => {
    for (let version = 1; version < DB_VERSION; version++) expect(DATA_OF_VERSION[version], `data of version ${version}`).toBeTypeOf('function');
  });
});

describe('migrations', () => {
  for (let from = 0; from < DB_VERSION; from++) {
    it(`from version ${from} to ${DB_VERSION} keeps every record valid`, async () => {
      const name = fresh();
      if (from > 0) {
        const old = await openCivicDB(name, from, MIGRATIONS.slice(0, from));
        await DATA_OF_VERSION[from]!(old as IDBPDatabase<unknown>);
        old.close();
      }
      const before = from > 0 ? await (async () => { const db = await openCivicDB(name, from, MIGRATIONS.slice(0, from)); const c = await contents(db as IDBPDatabase<unknown>); db.close(); return c; })() : {};
      const db = await openCivicDB(name);
      const after = await contents(db as IDBPDatabase<unknown>);
      for (const [store, schema] of Object.entries(SCHEMAS)) {
        for (const record of after[store] ?? []) expect(schema.safeParse(record).success, `${store}: ${JSON.stringify(record)}`).toBe(true);
      }
      for (const [store, records] of Object.entries(before)) expect(after[store]?.length, store).toBe(records.length);
      db.close();
    });
  }

  it('1 → 2 masks the register numbers version 1 let into captured values, notes and history, unless the user keeps them, and bounds the folded-panel memory', async () => {
    const NRN = '85.07.30-033.28';
    for (const keep of [false, true]) {
      const name = fresh();
      const old = (await openCivicDB(name, 1, MIGRATIONS.slice(0, 1))) as unknown as IDBPDatabase<unknown>;
      const progress = { dossierId: 'd1', artefact: 'birth-certificate', status: 'obtained', captured: { issued: { value: `Délivré le 14/03/2026, ${NRN}`, capturedAt: 3 } }, notes: `RN ${NRN}`, attachments: [], updatedAt: 4 };
      const dossier = { id: 'd1', procedure: 'nationality', label: 'Moi', answers: {}, choices: {}, lang: 'fr', createdAt: 1, updatedAt: 2 };
      const tx = old.transaction(['dossiers', 'progress', 'history', 'settings'], 'readwrite');
      await Promise.all([
        tx.objectStore('dossiers').put(dossier),
        tx.objectStore('progress').put(progress),
        tx.objectStore('history').put({ dossierId: 'd1', at: 4, store: 'progress', key: 'd1/birth-certificate', before: null, after: progress }),
        tx.objectStore('settings').put({ panelCollapsed: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`h${i}.example`, i % 2 === 0])), keepNationalRegisterNumber: keep, notifications: false }, 'settings'),
        tx.done,
      ]);
      old.close();
      const db = await openCivicDB(name);
      const text = JSON.stringify(await contents(db as IDBPDatabase<unknown>));
      // The folded-panel memory: of 250 folded hosts (open panels need no entry) the 200 most recent stay.
      const settings = (await db.get('settings', 'settings'))!;
      expect(Object.keys(settings.panelCollapsed)).toEqual(Array.from({ length: 200 }, (_, i) => `h${100 + i * 2}.example`));
      db.close();
      if (keep) expect(text).toContain(NRN);
      else {
        expect(text).not.toContain(NRN);
        expect(text).toContain('Délivré le 14/03/2026, ••.••.••-•••.28');
      }
    }
  });

  it('a later migration runs on the live data of this version and keeps all of it', async () => {
    // The mechanism every future migration relies on: a step that adds an index and rewrites records.
    const h = harness();
    const d = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    for (const status of ['in-progress', 'requested', 'obtained'] as const) await h.call('progress:set-status', { dossierId: d.id, artefact: 'id-copy', status });
    await h.call('attachment:add', { dossierId: d.id, artefact: 'id-copy', name: 'a', type: 'text/plain', base64: btoa('abc') });
    const before = await h.snapshot();
    await h.store.close();
    const step: Migration = async (_db, tx) => {
      tx.objectStore('progress').createIndex('byStatus', 'status');
      let cursor = await tx.objectStore('history').openCursor();
      while (cursor) {
        await cursor.update({ ...cursor.value, migrated: true });
        cursor = await cursor.continue();
      }
    };
    const db = await openCivicDB(h.store.name, DB_VERSION + 1, [...MIGRATIONS, step]);
    const history = (await db.getAll('history')) as Array<{ migrated?: boolean }>;
    expect(history.length).toBe(before.history.length);
    expect(history.every((e) => e.migrated)).toBe(true);
    expect(await (db as IDBPDatabase<unknown>).getAllFromIndex('progress', 'byStatus', 'obtained')).toHaveLength(1);
    expect((await contents(db as IDBPDatabase<unknown>)).attachments).toHaveLength(1);
    db.close();
  });

  it('a migration that fails leaves the database at its old version with its data', async () => {
    const h = harness();
    await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    const before = await h.snapshot();
    const name = h.store.name;
    await h.store.close();
    const failing: Migration = async (_db, tx) => {
      await tx.objectStore('dossiers').clear();
      throw new Error('bad step');
    };
    await expect(openCivicDB(name, DB_VERSION + 1, [...MIGRATIONS, failing])).rejects.toMatchObject({ code: 'store.upgrade-failed' });
    const db = await openCivicDB(name);
    expect(db.version).toBe(DB_VERSION);
    db.close();
    expect(await h.snapshot()).toEqual(before);
    expect(z.array(Dossier).safeParse(before.dossiers).success).toBe(true);
  });
});
