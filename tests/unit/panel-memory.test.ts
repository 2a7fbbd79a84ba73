/** The folded-panel memory stays bounded: the 200 most recently folded hosts, nothing for open panels. */
import { describe, expect, it } from 'vitest';
import { MAX_COLLAPSED_HOSTS, rememberCollapsed } from '../../src/model/data';
import { harness } from '../support/store';

const tab = (host: string) => ({ fromExtensionPage: false, tabUrl: `https://${host}/irisbox/birth/form`, tabId: 7 });

describe('settings.panelCollapsed', () => {
  it('keeps the most recent folded hosts only, and forgets a host whose panel is opened again', () => {
    let hosts: Record<string, boolean> = {};
    for (let i = 0; i < 250; i++) hosts = rememberCollapsed(hosts, `h${i}.example`, true);
    expect(Object.keys(hosts)).toHaveLength(MAX_COLLAPSED_HOSTS);
    expect(Object.keys(hosts)[0]).toBe('h50.example');
    // Folding an old host again makes it the newest; opening forgets it.
    hosts = rememberCollapsed(hosts, 'h50.example', true);
    expect(Object.keys(hosts).at(-1)).toBe('h50.example');
    hosts = rememberCollapsed(hosts, 'h51.example', false);
    expect(hosts['h51.example']).toBeUndefined();
    expect(Object.keys(hosts)).toHaveLength(MAX_COLLAPSED_HOSTS - 1);
    expect(rememberCollapsed({ 'a.example': false }, 'b.example', false)).toEqual({});
  });

  it('panel:collapse folds and forgets the sender’s host; settings refuse more than the bound', async () => {
    const h = harness();
    // The test catalog's birth page is served on irisbox.irisnet.be only: fold there, then check the bound with settings:update.
    await h.call('panel:collapse', { collapsed: true }, tab('irisbox.irisnet.be'));
    expect((await h.call('settings:get', {})).panelCollapsed).toEqual({ 'irisbox.irisnet.be': true });
    await h.call('panel:collapse', { collapsed: false }, tab('irisbox.irisnet.be'));
    expect((await h.call('settings:get', {})).panelCollapsed).toEqual({});
    const many = Object.fromEntries(Array.from({ length: MAX_COLLAPSED_HOSTS + 1 }, (_, i) => [`h${i}.example`, true]));
    expect(await h.raw({ type: 'settings:update', payload: { panelCollapsed: many } })).toMatchObject({ ok: false, error: { code: 'message.invalid' } });
  });
});
