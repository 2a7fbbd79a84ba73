import { describe, expect, it } from 'vitest';
import { requestPersistence, storageEstimate } from './persistence';

function manager(parts: Partial<StorageManager>): StorageManager {
  return parts as StorageManager;
}

describe('persistent storage', () => {
  it('asks only when not persistent yet, and answers null where the context cannot ask', async () => {
    let asked = 0;
    const persist = async () => (asked++, true);
    expect(await requestPersistence(manager({ persisted: async () => true, persist }))).toBe(true);
    expect(asked).toBe(0);
    expect(await requestPersistence(manager({ persisted: async () => false, persist }))).toBe(true);
    expect(asked).toBe(1);
    // A service worker: persisted() exists, persist() does not.
    expect(await requestPersistence(manager({ persisted: async () => false }))).toBeNull();
    expect(await requestPersistence(manager({ persisted: async () => Promise.reject(new Error('denied')) }))).toBeNull();
    expect(await requestPersistence(undefined)).toBeNull();
  });

  it('reports usage, quota and persistence, with null for what the browser does not say', async () => {
    expect(await storageEstimate(manager({ estimate: async () => ({ usage: 10, quota: 100 }), persisted: async () => false }))).toEqual({ usage: 10, quota: 100, persisted: false });
    expect(await storageEstimate(manager({}))).toEqual({ usage: null, quota: null, persisted: null });
  });
});
