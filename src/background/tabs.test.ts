import { describe, expect, it } from 'vitest';
import catalog from '../catalog/bundled';
import { createTabs } from './tab-pages';

const URL_ = 'https://irisbox.irisnet.be/irisbox/dashboard';
const panel = (frameId: number) => ({ fromExtensionPage: false, kind: 'panel' as const, tabId: 7, frameId });

describe('the panel frame of a tab', () => {
  it('is the first frame to ask once the page is recognised; a copy the page frames gets nothing', async () => {
    const tabs = createTabs(catalog, async () => undefined);
    tabs.seen(7, { page: 'irisbox-dashboard', url: URL_ });
    expect((await tabs.resolve(panel(4))).page).toBe('irisbox-dashboard');
    expect((await tabs.resolve(panel(9))).page).toBeUndefined();
    // Another page of a single-page navigation keeps its frame; a new frame the content script made is bound anew.
    tabs.seen(7, { page: 'irisbox-home', url: 'https://irisbox.irisnet.be/irisbox' });
    expect((await tabs.resolve(panel(9))).page).toBeUndefined();
    expect((await tabs.resolve(panel(4))).page).toBe('irisbox-home');
    tabs.seen(7, { page: 'irisbox-home', url: 'https://irisbox.irisnet.be/irisbox' }, true);
    expect((await tabs.resolve(panel(11))).page).toBe('irisbox-home');
    expect((await tabs.resolve(panel(4))).page).toBeUndefined();
  });

  it('asks the tab’s content script again when the worker forgot it, and checks the answer as a first report', async () => {
    const reports: unknown[] = [{ url: 'https://attacker.example/irisbox' }, { url: 'https://my.belgium.be/fr' }];
    const tabs = createTabs(catalog, async () => reports.shift());
    expect((await tabs.resolve(panel(4))).page).toBeUndefined();
    expect(await tabs.resolve(panel(4))).toMatchObject({ page: 'my-belgium-home', tabUrl: 'https://my.belgium.be/fr' });
  });
});

describe('the booking guide’s last reading of a tab', () => {
  it('is kept for a frame that connects later, for that page only, and forgotten with the tab', () => {
    const tabs = createTabs(catalog, async () => undefined);
    const reading = { step: 'contact', found: [], fields: [{ at: 0, label: 'Adresse e-mail' }] };
    tabs.guideSeen(7, 'imio-rendez-vous-booking', reading);
    expect(tabs.lastGuide(7, 'imio-rendez-vous-booking')).toEqual(reading);
    expect(tabs.lastGuide(7, 'imio-form')).toBeUndefined();
    expect(tabs.lastGuide(8, 'imio-rendez-vous-booking')).toBeUndefined();
    tabs.forget(7);
    expect(tabs.lastGuide(7, 'imio-rendez-vous-booking')).toBeUndefined();
  });
});
