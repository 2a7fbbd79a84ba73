import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCatalog } from './load';
import { findCommunes } from './communes';
import { communeSites, grantedCommuneMatches, matchPatterns } from './sites';
import { compileCatalog, compileHosts } from './compile';

const loaded = loadCatalog(resolve(import.meta.dirname, '../../catalog'));
const catalog = compileCatalog(loaded.catalog);
const ids = (q: string) => findCommunes(catalog.communes, q).map((c) => c.id);

describe('finding a commune', () => {
  it('by its name in any of its languages, whatever the accents, case and dashes', () => {
    expect(ids('Bruxelles')[0]).toBe('bruxelles');
    expect(ids('brussel')[0]).toBe('bruxelles');
    expect(ids('LUIK')[0]).toBe('liege');
    expect(ids('liege')[0]).toBe('liege');
    expect(ids('Doornik')[0]).toBe('tournai');
    expect(ids('sint joost')[0]).toBe('saint-josse-ten-noode');
    expect(ids('Kelmis')[0]).toBe('la-calamine');
    expect(ids('tongeren-borgloon')[0]).toBe('tongeren-borgloon');
  });
  it('by a postcode, including those of a commune merged in 2025', () => {
    expect(ids('1160')).toEqual(['auderghem']);
    expect(ids('9130')).toEqual(['beveren-kruibeke-zwijndrecht']);
    expect(ids('3720')).toEqual(['hasselt']);
  });
  it('finds nothing for nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('atlantis')).toEqual([]);
    expect(ids('0000')).toEqual([]);
  });
});

describe('commune sites', () => {
  it('are the commune’s e-guichet tenant hosts, with the catalog’s paths only', () => {
    const sites = communeSites(catalog, 'la-louviere');
    expect(sites.origins).toEqual(['https://lalouviere-formulaires.guichet-citoyen.be/*', 'https://lalouviere.guichet-citoyen.be/*']);
    expect(sites.matches).toContain('https://lalouviere.guichet-citoyen.be/demarches/*');
    expect(sites.matches).toContain('https://lalouviere.guichet-citoyen.be/');
    expect(sites.matches).not.toContain('https://lalouviere.guichet-citoyen.be/*');
    expect(grantedCommuneMatches(catalog, ['https://lalouviere.guichet-citoyen.be/*'])).toEqual(sites.matches.filter((m) => m.startsWith('https://lalouviere.guichet-citoyen.be/')));
    expect(grantedCommuneMatches(catalog, ['https://my.belgium.be/*'])).toEqual([]);
  });
  it('are a Flemish commune’s website, with and without www.', () => {
    expect(communeSites(catalog, 'kortenberg').origins).toEqual(['https://kortenberg.be/*', 'https://www.kortenberg.be/*']);
    expect(communeSites(catalog, 'antwerpen').origins).toEqual([]);
  });
  it('are never asked for at install, where only federal and regional portals are', () => {
    const hosts = compileHosts(loaded.catalog);
    for (const id of ['la-louviere', 'kortenberg', 'namur', 'bruxelles']) for (const o of communeSites(catalog, id).origins) expect(hosts.install).not.toContain(o);
    expect(hosts.install).toContain('https://irisbox.irisnet.be/*');
    expect(hosts.install).toContain('https://mijnburgerprofiel.be/*');
    // The booking sites guided in the page (issue 15): the FPS Foreign Affairs platform, and iMio's form
    // on the one tenant that names it (Waterloo, unverified), whose forms host is its commune site too;
    // Auderghem's http-only booking site is guided from the dashboard and never named in the manifest.
    expect(hosts.booking).toEqual(['https://appointment.diplomatie.be/*', 'https://waterloo-formulaires.guichet-citoyen.be/*']);
    expect(communeSites(catalog, 'waterloo').origins).toContain('https://waterloo-formulaires.guichet-citoyen.be/*');
    for (const o of hosts.booking) expect(hosts.onDemand).toContain(o);
    expect([...hosts.install, ...hosts.onDemand].filter((o) => o.includes('covservices'))).toEqual([]);
  });
});

describe('content-script matches', () => {
  it('carry the catalog’s paths, not whole sites', () => {
    expect(matchPatterns('my.belgium.be', ['/', '/fr', '/index.html'])).toEqual([
      'https://my.belgium.be/',
      'https://my.belgium.be/?*',
      'https://my.belgium.be/fr',
      'https://my.belgium.be/fr/',
      'https://my.belgium.be/fr/?*',
      'https://my.belgium.be/fr?*',
      'https://my.belgium.be/index.html',
      'https://my.belgium.be/index.html/',
      'https://my.belgium.be/index.html/?*',
      'https://my.belgium.be/index.html?*',
    ]);
    expect(matchPatterns('irisbox.irisnet.be', ['/irisbox/*/landing', '/irisbox/*/citizen/edit/**'])).toEqual([
      'https://irisbox.irisnet.be/irisbox/*/citizen/edit/*',
      'https://irisbox.irisnet.be/irisbox/*/landing',
      'https://irisbox.irisnet.be/irisbox/*/landing/',
      'https://irisbox.irisnet.be/irisbox/*/landing/?*',
      'https://irisbox.irisnet.be/irisbox/*/landing?*',
    ]);
    expect(matchPatterns('x.be', ['/fas/XUI', '/fas/XUI/**'])).toEqual(['https://x.be/fas/XUI', 'https://x.be/fas/XUI/*', 'https://x.be/fas/XUI?*']);
    const { matches } = compileHosts(loaded.catalog);
    expect(matches).not.toContain('https://my.belgium.be/*');
    expect(matches).not.toContain('https://mondossier.rrn.fgov.be/*');
    expect(matches).toContain('https://idp.iamfas.belgium.be/fas/XUI/*');
    expect(matches).toContain('https://mondossier.rrn.fgov.be/*/certificats.do');
  });
});
