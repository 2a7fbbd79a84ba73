/**
 * Asking the browser to keep Be Civic's data when disk space runs low (persistent storage), and
 * reading how much it uses. `persist()` exists only in window contexts (extension pages, Firefox's
 * background page), not in a service worker: where it is missing the answer is `null`, never a throw.
 * (The parameter is not called `storage`: WXT would auto-import its own `storage` helper for that name.)
 */
export async function requestPersistence(manager: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!manager) return null;
  try {
    if (typeof manager.persisted === 'function' && (await manager.persisted())) return true;
    return typeof manager.persist === 'function' ? await manager.persist() : null;
  } catch {
    return null;
  }
}

export async function storageEstimate(manager: StorageManager | undefined = globalThis.navigator?.storage): Promise<{ usage: number | null; quota: number | null; persisted: boolean | null }> {
  const estimate = await manager?.estimate?.().catch(() => undefined);
  const persisted = await manager?.persisted?.().catch(() => undefined);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
}
