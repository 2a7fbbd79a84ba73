/**
 * The whole of the user's data at once: a backup file out, a backup file in (checked completely
 * before it replaces anything, see src/backup/backup.ts), and the wipe. A backup travels in chunks
 * (src/model/transfer.ts), so the size of the attachments never meets the browser's message limit;
 * a transfer lives in the background's memory until its end, or until it has been idle too long.
 */
import { exportBackup, importBackup } from '../backup/backup';
import type { Handlers } from '../messaging/router';
import { refuse } from '../model/errors';
import { BACKUP_CHUNK_CHARS, MAX_BACKUP_CHARS, splitText } from '../model/transfer';
import { STORE_NAMES } from '../store/db';
import type { Context } from './context';

type BackupHandlers = Pick<
  Handlers,
  'backup:export-begin' | 'backup:export-chunk' | 'backup:export-end' | 'backup:import-begin' | 'backup:import-chunk' | 'backup:import-end' | 'data:wipe'
>;

/** A transfer nobody touched for this long is dropped (the dashboard was closed midway). */
const IDLE_MS = 10 * 60_000;

interface Transfer {
  kind: 'export' | 'import';
  chunks: string[];
  /** Characters received so far (imports). */
  size: number;
  touched: number;
}

export function backupHandlers(ctx: Context): BackupHandlers {
  const { store } = ctx;
  const transfers = new Map<string, Transfer>();

  function begin(kind: Transfer['kind'], chunks: string[]): string {
    const now = ctx.now();
    for (const [id, t] of transfers) if (now - t.touched > IDLE_MS) transfers.delete(id);
    const id = ctx.newId();
    transfers.set(id, { kind, chunks, size: 0, touched: now });
    return id;
  }

  function transfer(id: string, kind: Transfer['kind']): Transfer {
    const found = transfers.get(id);
    if (!found || found.kind !== kind) refuse('backup.transfer-interrupted');
    found.touched = ctx.now();
    return found;
  }

  return {
    'backup:export-begin': async () => {
      const pieces = await exportBackup(store, ctx.now());
      // Small pieces (the records, each file's description) are joined; a file's base64 is cut.
      const chunks: string[] = [];
      let pending = '';
      for (const piece of pieces) {
        for (const part of splitText(piece)) {
          if (pending.length + part.length > BACKUP_CHUNK_CHARS) {
            chunks.push(pending);
            pending = '';
          }
          pending += part;
        }
      }
      if (pending) chunks.push(pending);
      const id = begin('export', chunks);
      return { transfer: id, chunks: chunks.length, filename: `be-civic-backup-${new Date(ctx.now()).toISOString().slice(0, 10)}.json` };
    },

    'backup:export-chunk': async ({ transfer: id, index }) => {
      const data = transfer(id, 'export').chunks[index];
      return data === undefined ? refuse('backup.transfer-interrupted') : { data };
    },

    'backup:export-end': async ({ transfer: id }) => {
      transfers.delete(id);
      return null;
    },

    'backup:import-begin': async ({ bytes }) => {
      // Characters never outnumber UTF-8 bytes: a file this large cannot become one string.
      if (bytes > MAX_BACKUP_CHARS * 3) refuse('backup.too-large', { size: bytes });
      return { transfer: begin('import', []) };
    },

    'backup:import-chunk': async ({ transfer: id, index, data }) => {
      const t = transfer(id, 'import');
      if (index !== t.chunks.length) refuse('backup.transfer-interrupted');
      if (t.size + data.length > MAX_BACKUP_CHARS) {
        transfers.delete(id);
        refuse('backup.too-large', { size: t.size + data.length });
      }
      t.chunks.push(data);
      t.size += data.length;
      return null;
    },

    'backup:import-end': async ({ transfer: id, chunks }) => {
      const t = transfer(id, 'import');
      transfers.delete(id);
      if (chunks !== t.chunks.length) refuse('backup.transfer-interrupted');
      const counts = await importBackup(store, t.chunks.join(''));
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
