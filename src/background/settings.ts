/**
 * The user's settings, and what the store can say about itself (room used, whether it can save).
 * Withdrawing the permission to keep national register numbers forgets every stored number at once:
 * the dossiers' own field and every one in captured values, notes, appointments and the history.
 */
import type { Handlers } from '../messaging/router';
import { DEFAULT_SETTINGS, type Settings } from '../model/data';
import { refuse } from '../model/errors';
import { SETTINGS_KEY } from '../store/db';
import { forgetNationalRegisterNumbers } from '../store/forget';
import { settingsIn, type Context } from './context';

type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:update' | 'storage:estimate' | 'store:status'>;

export function settingsHandlers(ctx: Context): SettingsHandlers {
  const { store } = ctx;

  return {
    'settings:get': () => store.read(['settings'], (tx) => settingsIn(tx), DEFAULT_SETTINGS),

    'settings:update': async (patch) => {
      const saved = await store.write(['settings', 'dossiers', 'progress', 'appointments', 'history'], async (tx) => {
        const settings = await settingsIn(tx);
        if (patch.activeDossier && !(await tx.objectStore('dossiers').getKey(patch.activeDossier))) refuse('unknown.dossier', { dossier: patch.activeDossier });
        const next: Settings = { ...settings, ...patch };
        if (settings.keepNationalRegisterNumber && !next.keepNationalRegisterNumber) await forgetNationalRegisterNumbers(tx);
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
