/**
 * Forgetting national register numbers across the whole database, in one transaction: when the user
 * withdraws the opt-in, and once on upgrade for data that earlier versions let through (they checked
 * only the dossier's own field, so numbers could sit in captured values, notes and history records).
 */
import { withoutNationalRegisterNumbers } from '../privacy/nrn';

/** What of a transaction this needs (an everyday readwrite one, or a migration's): cursors over the stores holding user text. */
interface Cursor {
  value: unknown;
  update(value: unknown): Promise<unknown>;
  continue(): Promise<Cursor | null>;
}
interface ForgetTx {
  objectStore(name: 'dossiers' | 'progress' | 'appointments' | 'history'): { openCursor(): Promise<Cursor | null> };
}

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** Masks every number in the dossiers, progress, appointments and history (the dossiers' own field dropped; history entries keep whole records in `before` and `after`); rewrites only what changes. */
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
