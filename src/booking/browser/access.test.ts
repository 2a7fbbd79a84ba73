import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bookingOrigins, hostOfPattern } from '../core/origins';
import { grantedBookingMatches } from '../../catalog/sites';
import { reconcileReminders, wantedAlarms } from './reminders';
import type { CompiledCatalog } from '../../catalog/compiled';

const onDemand = ['https://*.booking.example/*', 'https://rdv.commune-a.be/*'];
const catalog = {
  communes: [
    { id: 'commune-a', booking: [{ kind: 'online', value: 'https://rdv.commune-a.be/fr/' }, { kind: 'phone', value: '02 000 00 00' }] },
    { id: 'commune-b', booking: [{ kind: 'online', value: 'https://commune-b.booking.example/x' }] },
    { id: 'commune-c', booking: [{ kind: 'online', value: 'https://unknown.example/' }, { kind: 'email', value: 'x@c.be' }] },
  ],
  procedures: [{ id: 'abroad', consulate: 'post' }],
  consulates: [{ id: 'post', booking: [{ kind: 'online', value: 'https://post.example/', platform: 'e-app' }] }],
  platforms: [{ id: 'e-app', hosts: ['{tenant}.booking.example'] }, { id: 'e-fixed', hosts: ['rdv.commune-a.be'] }],
} as unknown as CompiledCatalog;

describe('booking host access', () => {
  it('reads the host of a match pattern', () => {
    expect(hostOfPattern('https://*.booking.example/*')).toBe('*.booking.example');
  });
  it('asks, per commune, only for its booking site when the catalog knows it as a booking page', () => {
    const of = (commune: string) => bookingOrigins(catalog, { commune, procedure: 'x' }, onDemand);
    expect(of('commune-a')).toEqual(['https://rdv.commune-a.be/*']);
    expect(of('commune-b')).toEqual(['https://*.booking.example/*']);
    expect(of('commune-c')).toEqual([]);
    expect(of('nowhere')).toEqual([]);
  });
  it('abroad, asks for the platform host of the consulate, its tenant filled in', () => {
    expect(bookingOrigins(catalog, { procedure: 'abroad' }, onDemand)).toEqual([]);
    const withTenant = { ...catalog, consulates: [{ id: 'post', booking: [{ kind: 'online', value: 'https://post.example/', platform: 'e-app', tenant: 'lux' }] }] } as unknown as CompiledCatalog;
    expect(bookingOrigins(withTenant, { procedure: 'abroad' }, onDemand)).toEqual(['https://*.booking.example/*']);
    const fixed = { ...catalog, consulates: [{ id: 'post', booking: [{ kind: 'online', value: 'https://post.example/', platform: 'e-fixed' }] }] } as unknown as CompiledCatalog;
    expect(bookingOrigins(fixed, { procedure: 'abroad' }, onDemand)).toEqual(['https://rdv.commune-a.be/*']);
  });
  it('registers the content script only on the booking pages of granted booking hosts', () => {
    const pages = [
      { id: 'whole-site', access: 'on-demand', role: 'booking', hosts: ['rdv.commune-a.be'], paths: ['/**'] },
      { id: 'one-form', access: 'on-demand', role: 'booking', hosts: ['a-forms.example', 'b-forms.example'], paths: ['/rdv*/**', '/cat/rdv*/**'] },
      // A commune's own form pages on the same host: not a booking site, never the booking script's.
      { id: 'forms', access: 'on-demand', role: 'service', commune_hosts: 'forms', hosts: ['a-forms.example'], paths: ['/*'] },
    ] as unknown as CompiledCatalog['pages'];
    const granted = ['https://my.belgium.be/*', 'https://rdv.commune-a.be/*', 'https://a-forms.example/*', 'https://other.example/*'];
    expect(grantedBookingMatches({ pages }, granted)).toEqual(['https://a-forms.example/cat/rdv*/*', 'https://a-forms.example/rdv*/*', 'https://rdv.commune-a.be/*']);
    expect(grantedBookingMatches({ pages }, ['https://b-forms.example/*'])).toEqual(['https://b-forms.example/cat/rdv*/*', 'https://b-forms.example/rdv*/*']);
    expect(grantedBookingMatches({ pages }, ['https://my.belgium.be/*'])).toEqual([]);
  });
});

describe('reminder alarms', () => {
  beforeEach(() => fakeBrowser.reset());
  const now = new Date(2026, 2, 1, 12, 0).getTime();

  it('wants one alarm per upcoming appointment, none for past ones', () => {
    const wanted = wantedAlarms([{ id: 'x', start: '2026-03-12T10:30' }, { id: 'old', start: '2026-02-01T10:00' }], now);
    expect([...wanted.keys()]).toEqual(['be-civic-reminder:x']);
  });

  it('reconciles the alarms with the appointments after any change', async () => {
    await fakeBrowser.alarms.create('unrelated', { when: now + 1000 });
    await reconcileReminders([{ id: 'x', start: '2026-03-12T10:30' }, { id: 'y', start: '2026-03-20T09:00' }], now);
    const names = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(await names()).toEqual(['be-civic-reminder:x', 'be-civic-reminder:y', 'unrelated']);
    await reconcileReminders([{ id: 'y', start: '2026-03-21T09:00' }], now);
    expect(await names()).toEqual(['be-civic-reminder:y', 'unrelated']);
    const y = await fakeBrowser.alarms.get('be-civic-reminder:y');
    expect(y?.scheduledTime).toBe(new Date(2026, 2, 20, 18, 0).getTime());
  });
});
