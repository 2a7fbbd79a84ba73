/**
 * The whole of the user's data at once: a backup file out, a backup file in (checked completely
 * before it replaces anything, see src/backup/backup.ts), and the wipe.
 */
import { exportBackup, importBackup } from '../backup/backup';
import type { Handlers } from '../messaging/router';
import { STORE_NAMES } from '../store/db';
import type { Context } from './context';

type BackupHandlers = Pick<Handlers, 'backup:export' | 'backup:import' | 'data:wipe'>;

export function backupHandlers(ctx: Context): BackupHandlers {
  const { store } = ctx;

  return {
    'backup:export': async () => {
      const json = await exportBackup(store, ctx.now());
      return { json, filename: `be-civic-backup-${new Date(ctx.now()).toISOString().slice(0, 10)}.json` };
    },

    'backup:import': async ({ json }) => {
      const counts = await importBackup(store, json);
      ctx.announce(['all']);
      return counts;
    },

    'data:wipe': async () => {
      await store.write(
        [...STORE_NAMES],
        async (tx) => {
          await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
        },
        'strict',
      );
      ctx.announce(['all']);
      return null;
    },
  };
}
