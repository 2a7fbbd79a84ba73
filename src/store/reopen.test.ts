/**
 * The connection going away under the background: another connection upgrades the database (a newer
 * Be Civic), the database is deleted (storage cleared), or the browser closes the connection without
 * notice. The store opens again where it can, and says the truth where it cannot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness } from '../../tests/support/store';
import { DB_VERSION, MIGRATIONS, openCivicDB } from './db';

const realOpen = indexedDB.open.bind(indexedDB);
afterEach(() => {
  indexedDB.open = realOpen;
});

async function withDossier() {
  const h = harness();
  const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
  return { h, dossier };
}

describe('the connection goes away', () => {
  it('after the database is deleted, the next write opens a new one and succeeds', async () => {
    const { h, dossier } = await withDossier();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(h.store.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the store kept its connection open'));
    });
    expect(await h.call('store:status', {})).toEqual({ writable: true });
    await expect(h.call('dossier:get', { id: dossier.id })).rejects.toMatchObject({ code: 'unknown.dossier' });
    const again = await h.call('dossier:create', { procedure: 'nationality', label: 'Again', answers: {}, choices: {}, lang: 'fr' });
    expect((await h.call('dossier:list', {})).map((d) => d.id)).toEqual([again.id]);
  });

  it('after a newer version upgrades the database, writes and reads answer store.newer-version and store:status says so', async () => {
    const { h, dossier } = await withDossier();
    const newer = await openCivicDB(h.store.name, DB_VERSION + 1, [...MIGRATIONS, () => undefined]);
    newer.close();
    const reply = await h.raw({ type: 'progress:set-status', payload: { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' } });
    expect(reply).toEqual({ ok: false, error: { code: 'store.newer-version' } });
    expect(await h.call('store:status', {})).toEqual({ writable: false, problem: { code: 'store.newer-version' } });
    // Read-only mode: the data of the newer version is not touched, reads show nothing instead of failing.
    expect(await h.call('dossier:list', {})).toEqual([]);
  });

  it('a connection closed without notice is replaced at the next message', async () => {
    const connections: IDBDatabase[] = [];
    indexedDB.open = (name: string, version?: number) => {
      const request = realOpen(name, version);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    };
    const { h, dossier } = await withDossier();
    for (const connection of connections) connection.close();
    expect(await h.call('store:status', {})).toEqual({ writable: true });
    for (const connection of connections) connection.close();
    expect((await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' })).status).toBe('obtained');
    for (const connection of connections) connection.close();
    expect((await h.call('dossier:get', { id: dossier.id })).progress[0]?.status).toBe('obtained');
  });
});
