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
    { id: 'd1', label: 'Ana', procedure: 'eu-registration-annex-19', commune: 'auderghem' },
    { id: 'd2', label: 'Bo', procedure: 'eu-registration-annex-19', commune: 'ixelles' },
    { id: 'd3', label: 'Cy', procedure: 'kids-id', commune: 'auderghem' },
  ];
  it('tells each dossier of this commune which reason to pick on its booking site', () => {
    const services = bookingServicesAt(catalog, 'auderghem.covservices.net', dossiers, 'en');
    expect(services.map((s) => s.dossierId)).toEqual(['d1', 'd3']);
    expect(services[0]?.labels).toContain('MIGRATIE - 1ste registratie in België');
    expect(services[1]?.labels.some((l) => l.startsWith('KAART KidsID'))).toBe(true);
    expect(bookingServicesAt(catalog, 'my.belgium.be', dossiers, 'en')).toEqual([]);
  });
  it('describes the booking page with its guide steps, the confirmation last', () => {
    const page = describePage(catalog, 'auderghem-booking', 'en');
    expect(page.guide?.map((s) => s.id)).toEqual(['choose-reason', 'choose-slot', 'your-details', 'confirmation']);
    expect(page.guide?.[0]?.highlightService).toBe(true);
    expect(page.guide?.at(-1)?.confirmation).toBe(true);
  });
});
