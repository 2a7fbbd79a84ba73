/**
 * The user's settings, and what the store can say about itself (room used, whether it can save).
 * Withdrawing the permission to keep national register numbers forgets every stored number at once,
 * in the history too.
 */
import type { Handlers } from '../messaging/router';
import { DEFAULT_SETTINGS, type Dossier, type Settings } from '../model/data';
import { refuse } from '../model/errors';
import { SETTINGS_KEY } from '../store/db';
import { settingsIn, without, type Context } from './context';

type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:update' | 'storage:estimate' | 'store:status'>;

export function settingsHandlers(ctx: Context): SettingsHandlers {
  const { store } = ctx;

  return {
    'settings:get': () => store.read(['settings'], (tx) => settingsIn(tx), DEFAULT_SETTINGS),

    'settings:update': async (patch) => {
      const saved = await store.write(['settings', 'dossiers', 'history'], async (tx) => {
        const settings = await settingsIn(tx);
        if (patch.activeDossier && !(await tx.objectStore('dossiers').getKey(patch.activeDossier))) refuse('unknown.dossier', { dossier: patch.activeDossier });
        const next: Settings = { ...settings, ...patch };
        if (settings.keepNationalRegisterNumber && !next.keepNationalRegisterNumber) {
          const strip = (value: unknown) =>
            value && typeof value === 'object' && 'nationalRegisterNumber' in value ? without(value as Dossier, ['nationalRegisterNumber']) : value;
          for (const dossier of await tx.objectStore('dossiers').getAll()) {
            if (dossier.nationalRegisterNumber) await tx.objectStore('dossiers').put(strip(dossier) as Dossier);
          }
          let cursor = await tx.objectStore('history').openCursor();
          while (cursor) {
            const entry = cursor.value;
            if (entry.store === 'dossiers') await cursor.update({ ...entry, before: strip(entry.before), after: strip(entry.after) });
            cursor = await cursor.continue();
          }
        }
        await tx.objectStore('settings').put(next, SETTINGS_KEY);
        return next;
      });
      ctx.announce(['settings', 'dossiers']);
      return saved;
    },

    'storage:estimate': () => ctx.deps.estimate(),
    'store:status': () => store.status(),
  };
}
