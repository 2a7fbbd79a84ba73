/**
 * Dossiers: one procedure followed for one person, with the answers to its set-up questions. Every
 * change writes its history entry in the same transaction; deleting a dossier removes everything that
 * belongs to it, its history included.
 */
import type { IDBPTransaction } from 'idb';
import type { Handlers } from '../messaging/router';
import type { Dossier } from '../model/data';
import { refuse } from '../model/errors';
import type { DossierDetail } from '../model/views';
import { SETTINGS_KEY, type CivicSchema } from '../store/db';
import { acceptNrn, refuseNrnIn, settingsIn, without, type Context } from './context';

type AllStoresTx = IDBPTransaction<CivicSchema, Array<'dossiers' | 'progress' | 'attachments' | 'appointments' | 'history' | 'settings'>, 'readwrite'>;

/** Removes a dossier and everything that belongs to it, its history included, within `tx`. */
export async function removeDossier(tx: AllStoresTx, id: string): Promise<void> {
  await tx.objectStore('dossiers').delete(id);
  for (const name of ['progress', 'attachments', 'appointments', 'history'] as const) {
    const keys = await tx.objectStore(name).index('byDossier').getAllKeys(id);
    await Promise.all(keys.map((key) => tx.objectStore(name).delete(key as never)));
  }
  const settings = await settingsIn(tx);
  if (settings.activeDossier === id) await tx.objectStore('settings').put(without(settings, ['activeDossier']), SETTINGS_KEY);
}

type DossierHandlers = Pick<Handlers, 'dossier:list' | 'dossier:get' | 'dossier:create' | 'dossier:update' | 'dossier:delete'>;

export function dossierHandlers(ctx: Context): DossierHandlers {
  const { store } = ctx;

  async function dossierDetail(id: string): Promise<DossierDetail> {
    const detail = await store.read(
      ['dossiers', 'progress', 'appointments', 'history'],
      async (tx) => {
        const dossier = await tx.objectStore('dossiers').get(id);
        if (!dossier) return undefined;
        const [progress, appointments, history] = await Promise.all([
          tx.objectStore('progress').index('byDossier').getAll(id),
          tx.objectStore('appointments').index('byDossier').getAll(id),
          tx.objectStore('history').index('byDossier').getAll(id),
        ]);
        return { dossier, progress, appointments, history };
      },
      undefined,
    );
    return detail ?? refuse('unknown.dossier', { dossier: id });
  }

  return {
    'dossier:list': () => store.read(['dossiers'], (tx) => tx.objectStore('dossiers').getAll(), []),
    'dossier:get': ({ id }) => dossierDetail(id),

    'dossier:create': async (request) => {
      if (!ctx.procedureOf(request.procedure)) refuse('unknown.procedure', { procedure: request.procedure });
      ctx.checkCommune(request.commune);
      const at = ctx.now();
      const dossier: Dossier = { ...request, id: ctx.newId(), createdAt: at, updatedAt: at };
      await store.write(['dossiers', 'history', 'settings'], async (tx) => {
        const settings = await settingsIn(tx);
        if (dossier.nationalRegisterNumber) dossier.nationalRegisterNumber = acceptNrn(settings, dossier.nationalRegisterNumber);
        refuseNrnIn(settings, dossier);
        await tx.objectStore('dossiers').add(dossier);
        await tx.objectStore('history').add({ dossierId: dossier.id, at, store: 'dossiers', key: dossier.id, before: null, after: dossier });
      });
      ctx.announce(['dossiers'], dossier.id);
      return dossier;
    },

    'dossier:update': async ({ id, patch, clear }) => {
      ctx.checkCommune(patch.commune);
      const saved = await store.write(['dossiers', 'history', 'settings'], async (tx) => {
        const before = (await tx.objectStore('dossiers').get(id)) ?? refuse('unknown.dossier', { dossier: id });
        const settings = await settingsIn(tx);
        const after: Dossier = without({ ...before, ...patch, updatedAt: ctx.now() }, clear ?? []);
        if (patch.nationalRegisterNumber) after.nationalRegisterNumber = acceptNrn(settings, patch.nationalRegisterNumber);
        refuseNrnIn(settings, patch);
        await tx.objectStore('dossiers').put(after);
        await tx.objectStore('history').add({ dossierId: id, at: after.updatedAt, store: 'dossiers', key: id, before, after });
        return after;
      });
      ctx.announce(['dossiers'], id);
      return saved;
    },

    'dossier:delete': async ({ id }) => {
      await store.write(['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'], async (tx) => {
        if (!(await tx.objectStore('dossiers').get(id))) refuse('unknown.dossier', { dossier: id });
        await removeDossier(tx, id);
      });
      ctx.announce(['all'], id);
      return null;
    },
  };
}
