import { describe, expect, it } from 'vitest';
import { awaitsSignals, buildIndex, pathMatches, recognise, type PageProbe } from '.';

const index = buildIndex([
  { page: 'home', portal: 'mb', path: '/', hosts: ['my.belgium.be'] },
  { page: 'fr-any', portal: 'mb', path: '/fr/*', hosts: ['my.belgium.be'] },
  { page: 'deep', portal: 'mb', path: '/fr/**', hosts: ['my.belgium.be'] },
  { page: 'form', portal: 'imio', path: '/**', hosts: ['*.guichet-citoyen.be'] },
  { page: 'login', portal: 'csam', path: '/**', hosts: ['idp.iam.fgov.be'], signals: { heading: 'connexion' } },
]);
const probe = (headings: string[]): PageProbe => ({ title: () => '', headings: () => headings, has: () => false });

describe('recognise', () => {
  it('matches by host then path, most specific first', () => {
    expect(recognise(index, 'https://my.belgium.be/fr/certificats').map((m) => m.page)).toEqual(['fr-any', 'deep']);
    expect(recognise(index, 'https://my.belgium.be/fr/a/b').map((m) => m.page)).toEqual(['deep']);
    expect(recognise(index, 'https://my.belgium.be/').map((m) => m.page)).toEqual(['home']);
  });
  it('matches wildcard sub-domains but not the bare domain or look-alikes', () => {
    expect(recognise(index, 'https://namur.guichet-citoyen.be/x')).toEqual([{ page: 'form', portal: 'imio' }]);
    expect(recognise(index, 'https://guichet-citoyen.be/x')).toEqual([]);
    expect(recognise(index, 'https://evilguichet-citoyen.be/x')).toEqual([]);
    expect(recognise(index, 'https://my.belgium.be.evil.com/fr/x')).toEqual([]);
  });
  it('refuses other schemes and garbage', () => {
    expect(recognise(index, 'http://my.belgium.be/')).toEqual([]);
    expect(recognise(index, 'not a url')).toEqual([]);
  });
  it('needs every DOM signal to hold, and a probe to check them', () => {
    expect(recognise(index, 'https://idp.iam.fgov.be/login')).toEqual([]);
    expect(recognise(index, 'https://idp.iam.fgov.be/login', probe(['Autre chose']))).toEqual([]);
    expect(recognise(index, 'https://idp.iam.fgov.be/login', probe(['Choisissez votre clé de CONNEXION']))).toEqual([{ page: 'login', portal: 'csam' }]);
  });
  it('walks a live page once per recognition, however many rules look at it', () => {
    const many = buildIndex(
      ['attest', 'certificat', 'extrait'].map((heading, i) => ({ page: `p${i}`, portal: 'x', path: '/**', hosts: ['mondossier.rrn.fgov.be'], signals: { heading, title: 'dossier' } })),
    );
    let walks = 0;
    const counting: PageProbe = { title: () => 'Mon dossier', headings: () => (walks++, ['Attestations', 'Extrait']), has: () => false };
    expect(recognise(many, 'https://mondossier.rrn.fgov.be/', counting).map((m) => m.page).sort()).toEqual(['p0', 'p2']);
    expect(walks).toBe(1);
  });
  it('says when a URL may still become a catalog page once the DOM has rendered', () => {
    expect(awaitsSignals(index, 'https://idp.iam.fgov.be/login')).toBe(true);
    expect(awaitsSignals(index, 'https://my.belgium.be/fr/x')).toBe(false);
    expect(awaitsSignals(index, 'https://example.org/login')).toBe(false);
    expect(awaitsSignals(index, 'http://idp.iam.fgov.be/login')).toBe(false);
  });
  it('treats * as one segment and ** as any depth, ignoring a trailing slash', () => {
    expect(pathMatches('/fr/*', '/fr/a')).toBe(true);
    expect(pathMatches('/fr/*', '/fr/a/b')).toBe(false);
    expect(pathMatches('/fr/**', '/fr/a/b')).toBe(true);
    expect(pathMatches('/a.b', '/aXb')).toBe(false);
    expect(pathMatches('/x', '/x/')).toBe(true);
  });
});

describe('one form at a time', () => {
  const lexicon: Array<[string, string]> = [
    ['certificat de résidence', 'residence'],
    ['certificat de résidence ou de domicile avec historique', 'residence-history'],
    ['composition de ménage', 'household'],
    ['Haushaltszusammensetzung', 'household'],
    ['attest van woonst', 'residence'],
    ['population', 'topic:population-service'],
  ];
  const forms = buildIndex(
    [
      { page: 'form', portal: 'imio', path: '/*', except: ['/backoffice', '/api'], hosts: ['namur-formulaires.guichet-citoyen.be'], forms: { artefacts: ['residence', 'residence-history', 'household'] } },
      { page: 'product', portal: 'eloket', path: '/**', hosts: ['www.haacht.be', 'haacht.be'], forms: { artefacts: ['residence', 'household'], required: true } },
      { page: 'certs', portal: 'md', path: '/*/certificats.do', hosts: ['mondossier.rrn.fgov.be'], forms: { artefacts: ['household', 'cohabitation'], keys: { tab_tx_31: 'cohabitation' } } },
    ],
    lexicon,
  );
  const titled = (title: string): PageProbe => ({ title: () => title, headings: () => [], has: () => false });
  it('names the form from the slug, the longest name first, across accents and separators', () => {
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/v2-demande-certificat-de-residence-ou-de-domicile/')).toEqual([{ page: 'form', portal: 'imio', form: 'residence' }]);
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/v2-demande-certificat-de-residence-ou-de-domicile-avec-historique/')[0]?.form).toBe('residence-history');
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/haushaltszusammensetzung/')[0]?.form).toBe('household');
    expect(recognise(forms, 'https://haacht.be/attestvanwoonst')[0]?.form).toBe('residence');
    expect(recognise(forms, 'https://www.haacht.be/Attest%20van%20Woonst')[0]?.form).toBe('residence');
  });
  it('reads the title when the address names no form, and keeps the page without a form otherwise', () => {
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/f12/')).toEqual([{ page: 'form', portal: 'imio' }]);
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/f12/', titled('Composition de ménage'))[0]?.form).toBe('household');
  });
  it('leaves out a page whose form is required and not named, unless a topic of the lexicon marks it', () => {
    expect(recognise(forms, 'https://www.haacht.be/nieuws/zomerfeest')).toEqual([]);
    expect(recognise(forms, 'https://www.haacht.be/nieuws/zomerfeest', titled('Zomerfeest'))).toEqual([]);
    expect(recognise(forms, 'https://www.haacht.be/dienst/population')).toEqual([{ page: 'product', portal: 'eloket' }]);
  });
  it('takes a form code from the fragment or the query, only among what the page serves', () => {
    expect(recognise(forms, 'https://mondossier.rrn.fgov.be/fr/certificats.do#tab_tx_31')[0]?.form).toBe('cohabitation');
    expect(recognise(forms, 'https://mondossier.rrn.fgov.be/fr/certificats.do?tab=tab_tx_31')[0]?.form).toBe('cohabitation');
    expect(recognise(forms, 'https://mondossier.rrn.fgov.be/fr/certificats.do#tab_tx_99')[0]?.form).toBeUndefined();
    expect(recognise(forms, 'https://haacht.be/certificat-de-residence-ou-de-domicile-avec-historique')[0]?.form).toBe('residence');
  });
  it('never takes an excluded path (a back office, an API) for a form', () => {
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/backoffice/')).toEqual([]);
    expect(recognise(forms, 'https://namur-formulaires.guichet-citoyen.be/api')).toEqual([]);
  });
  it('keeps watching a page whose address does not name its form', () => {
    expect(awaitsSignals(forms, 'https://namur-formulaires.guichet-citoyen.be/f12/')).toBe(true);
    expect(awaitsSignals(forms, 'https://namur-formulaires.guichet-citoyen.be/haushaltszusammensetzung/')).toBe(false);
  });
});
