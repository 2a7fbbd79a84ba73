/**
 * Asking the browser to keep Be Civic's data when disk space runs low (persistent storage), and
 * reading how much it uses. `persist()` exists only in window contexts (extension pages, Firefox's
 * background page), not in a service worker: where it is missing the answer is `null`, never a throw.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage) return null;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return typeof storage.persist === 'function' ? await storage.persist() : null;
  } catch {
    return null;
  }
}

export async function storageEstimate(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<{ usage: number | null; quota: number | null; persisted: boolean | null }> {
  const estimate = await storage?.estimate?.().catch(() => undefined);
  const persisted = await storage?.persisted?.().catch(() => undefined);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
}
