/**
 * Forgetting national register numbers across the whole database, in one transaction: when the user
 * withdraws the opt-in, and once on upgrade for data that earlier versions let through (they checked
 * only the dossier's own field, so numbers could sit in captured values, notes and history records).
 */
import type { IDBPTransaction } from 'idb';
import { withoutNationalRegisterNumbers } from '../privacy/nrn';

/** The stores holding user text; history entries keep whole records in `before` and `after`. */
type ForgetTx = IDBPTransaction<any, any, 'readwrite' | 'versionchange'>;

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** Masks every number in the dossiers, progress, appointments and history (the dossiers' own field dropped); rewrites only what changes. */
export async function forgetNationalRegisterNumbers(tx: ForgetTx): Promise<void> {
  for (const name of ['dossiers', 'progress', 'appointments', 'history'] as const) {
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      const record = cursor.value as Record<string, unknown>;
      const clean =
        name === 'history' ? { ...record, before: withoutNationalRegisterNumbers(record['before']), after: withoutNationalRegisterNumbers(record['after']) } : withoutNationalRegisterNumbers(record);
      if (changed(clean, record)) await cursor.update(clean);
      cursor = await cursor.continue();
    }
  }
}
