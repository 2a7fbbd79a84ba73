/**
 * Undo: every change left a history entry with the record before and after, so the latest change of
 * a dossier that is not undone yet can be reverted. The undo is itself a new entry (never undone in
 * turn), and it respects what happened since: files deleted meanwhile stay deleted, and a national
 * register number the user asked to forget is not brought back.
 */
import type { Handlers } from '../messaging/router';
import { historyEntryProblem, type Appointment, type Dossier, type HistoryEntry, type Progress } from '../model/data';
import { refuse } from '../model/errors';
import { settingsIn, type Context } from './context';
import { removeDossier } from './dossiers';
import { withoutNationalRegisterNumbers } from '../privacy/nrn';

export function historyHandlers(ctx: Context): Pick<Handlers, 'history:undo'> {
  const { store } = ctx;

  return {
    'history:undo': async ({ dossierId }) => {
      const undone = await store.write(['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'], async (tx) => {
        let cursor = await tx.objectStore('history').index('byDossier').openCursor(dossierId, 'prev');
        while (cursor && (cursor.value.undone || cursor.value.undoOf !== undefined)) cursor = await cursor.continue();
        if (!cursor) return null;
        const entry = cursor.value;
        // The entry may come from a backup or an older version: it is applied only as its store's record, of this dossier.
        if (historyEntryProblem(entry)) refuse('history.invalid');
        const reverted = { ...entry, undone: true } satisfies HistoryEntry;
        if (entry.store === 'dossiers' && entry.before === null) {
          // Undoing the creation: every later change is undone already, so the dossier simply goes.
          await removeDossier(tx, dossierId);
          return reverted;
        }
        const settings = await settingsIn(tx);
        const record = (entry.after ?? entry.before) as { id?: string; dossierId: string; artefact?: string };
        const key = entry.store === 'progress' ? [record.dossierId, record.artefact] : record.id;
        const target = tx.objectStore(entry.store);
        const current = ((await target.get(key as never)) ?? null) as unknown;
        let restored = entry.before as Dossier | Progress | Appointment | null;
        if (entry.store === 'progress') {
          // Bytes removed since then are gone, so the restored record lists only files that still exist;
          // bytes added by the change being undone go with it.
          const attachmentsStore = tx.objectStore('attachments');
          const kept = (restored as Progress | null)?.attachments ?? [];
          const present = await Promise.all(kept.map((a) => attachmentsStore.getKey(a.id)));
          if (restored) restored = { ...(restored as Progress), attachments: kept.filter((_, i) => present[i] !== undefined) };
          const keptIds = new Set(kept.map((a) => a.id));
          for (const added of (current as Progress | null)?.attachments ?? []) if (!keptIds.has(added.id)) await attachmentsStore.delete(added.id);
        }
        if (restored && !settings.keepNationalRegisterNumber) restored = withoutNationalRegisterNumbers(restored);
        if (restored) await target.put(restored as never);
        else await target.delete(key as never);
        await tx.objectStore('history').put(reverted);
        await tx.objectStore('history').add({ dossierId, at: ctx.now(), store: entry.store, key: entry.key, before: current, after: restored, undoOf: entry.id });
        return reverted;
      });
      if (undone) ctx.announce(undone.store === 'dossiers' && undone.before === null ? ['all'] : [undone.store], dossierId);
      return { undone };
    },
  };
}
