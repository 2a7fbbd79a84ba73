import { describe, expect, it } from 'vitest';
import { bookingServicesAt, labelsOf } from './services';
import catalogJson from '../../catalog/generated/catalog.json';
import type { CompiledCatalog } from '../../catalog/compiled';
import { describePage } from '../../catalog/describe';

const catalog = catalogJson as unknown as CompiledCatalog;

describe('labelsOf', () => {
  it('takes the site labels the catalog quotes, in any quote style', () => {
    expect(labelsOf({ fr: '« MIGRATIE - 1ste registratie in België » (libellé néerlandais)', nl: '„MIGRATIE - 1ste registratie in België“', en: '“Other” label' })).toEqual([
      'MIGRATIE - 1ste registratie in België',
      'Other',
    ]);
    expect(labelsOf({ fr: 'Service Population' })).toEqual(['Service Population']);
  });
});

describe('booking services on the real catalog', () => {
  const dossiers = [
    { id: 'd1', label: 'Ana', procedure: 'eid-abroad-luxembourg' },
    { id: 'd2', label: 'Bo', procedure: 'eu-registration-annex-19', commune: 'ixelles' },
    { id: 'd3', label: 'Cy', procedure: 'kids-id-abroad-luxembourg' },
  ];
  it('tells each dossier booking on this platform host (its consulate’s tenant) which service to pick, per visit', () => {
    const services = bookingServicesAt(catalog, 'appointment.diplomatie.be', dossiers, 'en');
    expect(services.map((s) => [s.dossierId, s.visit?.id])).toEqual([['d1', 'apply'], ['d1', 'collect'], ['d3', 'apply'], ['d3', 'collect']]);
    expect(services[0]?.labels).toEqual(['eID application']);
    expect(services[1]?.labels).toEqual(['Pick-up of processed documents']);
    expect(bookingServicesAt(catalog, 'my.belgium.be', dossiers, 'en')).toEqual([]);
    // Auderghem's site is seen over http only: it is never a page Be Civic guides on.
    expect(bookingServicesAt(catalog, 'auderghem.covservices.net', [{ id: 'd4', label: 'Di', procedure: 'kids-id', commune: 'auderghem' }], 'en')).toHaveLength(1);
    expect(catalog.pages.some((p) => p.hosts.includes('auderghem.covservices.net'))).toBe(false);
  });
  it('describes the platform’s page with its steps in every language it is written in, the confirmation last', () => {
    const page = describePage(catalog, 'fps-e-appointment-booking', 'en');
    expect([...new Set(page.guide?.map((s) => s.id))]).toEqual(['person', 'services', 'slot', 'confirmation']);
    expect(page.guide?.filter((s) => s.id === 'services').map((s) => s.when.heading)).toEqual(['Services', 'Diensten']);
    expect(page.guide?.find((s) => s.id === 'services')?.highlightService).toBe(true);
    expect(page.guide?.at(-1)?.confirmation).toBe(true);
  });
});
