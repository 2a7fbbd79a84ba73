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
