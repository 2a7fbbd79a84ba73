/**
 * The dashboard says the background's refusals and a read-only store in the user's language: the
 * background answers with codes (src/model/errors.ts), never with an English sentence.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompiledCatalog } from '../catalog/compiled';
import { DEFAULT_SETTINGS, type Settings } from '../model/data';
import { AppFailure, type AppError } from '../model/errors';
import type { StoreStatus } from '../model/views';
import { ERROR_TEXTS } from '../i18n/errors';
import { DASHBOARD_STRINGS } from '../i18n/dashboard';

const background = vi.hoisted(() => ({ settings: {} as Settings, status: { writable: true } as StoreStatus, refuseUpdate: undefined as AppError | undefined }));

vi.mock('../messaging/client', () => ({
  send: async (type: string) => {
    if (type === 'settings:get') return background.settings;
    if (type === 'store:status') return background.status;
    if (type === 'dossier:list') return [];
    if (type === 'storage:estimate') return { usage: null, quota: null, persisted: null };
    if (type === 'settings:update' && background.refuseUpdate) throw new AppFailure(background.refuseUpdate);
    throw new Error(`unexpected ${type}`);
  },
}));

const { App } = await import('./App');
const catalog = { procedures: [], artefacts: [], communes: [] } as unknown as CompiledCatalog;

let root: HTMLElement;
beforeEach(() => {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('Event', window.Event);
  vi.stubGlobal('location', { hash: '#settings' });
  vi.stubGlobal('navigator', { languages: ['en'] });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
  // WXT's fake browser has no permissions API: reminders are off.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => false) as never);
  root = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, root);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('dashboard errors', () => {
  it('a refusal of the background shows in the user’s language', async () => {
    background.settings = { ...DEFAULT_SETTINGS, lang: 'de' };
    background.status = { writable: true };
    background.refuseUpdate = { code: 'store.quota' };
    render(<App catalog={catalog} />, root);
    const box = await vi.waitFor(() => root.querySelector<HTMLInputElement>('#settings-nrn') ?? Promise.reject(new Error('not rendered yet')));
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    const message = await vi.waitFor(() => root.querySelector('.message.error')?.textContent || Promise.reject(new Error('no message yet')));
    expect(message).toBe(ERROR_TEXTS.de['store.quota']);
    expect(root.querySelector('[data-testid="storage-problem"]')).toBeNull();
  });

  it('a read-only store is said at the top, in the user’s language', async () => {
    background.settings = { ...DEFAULT_SETTINGS, lang: 'nl' };
    background.status = { writable: false, problem: { code: 'store.unavailable' } };
    render(<App catalog={catalog} />, root);
    const problem = await vi.waitFor(() => root.querySelector('[data-testid="storage-problem"]') ?? Promise.reject(new Error('not shown yet')));
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toBe(`${DASHBOARD_STRINGS.nl.readOnly} ${ERROR_TEXTS.nl['store.unavailable']}`);
  });
});
