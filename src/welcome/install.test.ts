import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from './install';

describe('openWelcomeOnInstall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the welcome page in a new tab on a first install', async () => {
    await openWelcomeOnInstall({ reason: 'install' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/welcome.html'));
  });

  it('opens nothing on an update or a browser update', async () => {
    await openWelcomeOnInstall({ reason: 'update' });
    await openWelcomeOnInstall({ reason: 'chrome_update' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.some((t) => t.url?.includes('welcome'))).toBe(false);
  });
});
