import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { broadcast, coalesce } from './broadcast';
import type { ChangeNotice } from './protocol';

describe('broadcast', () => {
  it('reaches extension pages and the tabs on catalog hosts only, ignoring views that are gone', async () => {
    const toPages: unknown[] = [];
    const toTabs: Array<[number, unknown]> = [];
    const fake = {
      runtime: { sendMessage: async (m: unknown) => void toPages.push(m) },
      tabs: {
        query: async () => [
          { id: 1, url: 'https://my.belgium.be/fr' },
          { id: 2, url: 'https://example.org/' },
          { id: 3, url: 'https://rdv.irisnet.be/booking' },
          { id: 4 },
          { id: 5, url: 'https://irisnet.be.evil.example/' },
          { id: 6, url: 'https://my.belgium.be/closed' },
        ],
        sendMessage: async (id: number, m: unknown) => {
          if (id === 6) throw new Error('Could not establish connection. Receiving end does not exist.');
          toTabs.push([id, m]);
        },
      },
    };
    const notice: ChangeNotice = { kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd' };
    await broadcast(fake as never, notice, ['my.belgium.be', '*.irisnet.be']);
    expect(toPages).toEqual([notice]);
    expect(toTabs).toEqual([[1, notice], [3, notice]]);
  });

  it('does not fail when no page listens', async () => {
    const fake = { runtime: { sendMessage: async () => Promise.reject(new Error('no receiver')) }, tabs: { query: async () => Promise.reject(new Error('no tabs API')), sendMessage: async () => undefined } };
    await expect(broadcast(fake as never, { kind: 'be-civic:changed', stores: ['all'] }, ['my.belgium.be'])).resolves.toBeUndefined();
  });
});

describe('coalescing', () => {
  // Fake timers: on a loaded machine a real 20 ms pause can outlast the next window and merge what must not be.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a lone change at once and merges the ones right after it, keeping the dossier only when it is the same', async () => {
    const sent: ChangeNotice[] = [];
    const notify = coalesce((n) => sent.push(n), 5);
    notify({ kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd1' });
    notify({ kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd1' });
    notify({ kind: 'be-civic:changed', stores: ['dossiers'], dossierId: 'd1' });
    await vi.advanceTimersByTimeAsync(20);
    notify({ kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd1' });
    notify({ kind: 'be-civic:changed', stores: ['appointments'], dossierId: 'd2' });
    await vi.advanceTimersByTimeAsync(20);
    notify({ kind: 'be-civic:changed', stores: ['settings'] });
    notify({ kind: 'be-civic:changed', stores: ['all'], dossierId: 'd3' });
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual([
      { kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd1' },
      { kind: 'be-civic:changed', stores: ['progress', 'dossiers'], dossierId: 'd1' },
      { kind: 'be-civic:changed', stores: ['progress'], dossierId: 'd1' },
      { kind: 'be-civic:changed', stores: ['appointments'], dossierId: 'd2' },
      { kind: 'be-civic:changed', stores: ['settings'] },
      { kind: 'be-civic:changed', stores: ['all'], dossierId: 'd3' },
    ]);
  });

  it('sends a burst of hundreds of changes as the first one plus one merged notice per window', async () => {
    const sent: ChangeNotice[] = [];
    const notify = coalesce((n) => sent.push(n), 10);
    for (let i = 0; i < 300; i++) notify({ kind: 'be-civic:changed', stores: ['progress'], dossierId: i % 2 ? 'a' : 'b' });
    expect(sent).toEqual([{ kind: 'be-civic:changed', stores: ['progress'], dossierId: 'b' }]);
    await vi.advanceTimersByTimeAsync(40);
    expect(sent).toEqual([
      { kind: 'be-civic:changed', stores: ['progress'], dossierId: 'b' },
      { kind: 'be-civic:changed', stores: ['progress'] },
    ]);
  });
});
