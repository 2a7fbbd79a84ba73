import { describe, expect, it } from 'vitest';
import catalog from '../catalog/bundled';
import { recogniseAt } from './recognition';

describe('recognition in the background', () => {
  it('decides from the URL alone where no page there has DOM signals', () => {
    expect(recogniseAt(catalog, 'https://my.belgium.be/fr')).toEqual({ page: 'my-belgium-home' });
    expect(recogniseAt(catalog, 'https://my.belgium.be/nulle-part')).toEqual({ page: null });
    expect(recogniseAt(catalog, 'http://my.belgium.be/fr')).toEqual({ page: null });
  });

  it('finds the form of a multi-form page in its address, else in its title or headings, and says to watch a page that renders late', () => {
    const landing = 'https://irisbox.irisnet.be/irisbox/x/landing';
    expect(recogniseAt(catalog, landing)).toEqual({ page: 'irisbox-form-landing', late: true });
    const empty = { title: '', headings: [], has: {} };
    expect(recogniseAt(catalog, landing, { ...empty, title: 'IRISbox — Certificat de résidence principale' })).toMatchObject({ page: 'irisbox-form-landing', form: 'residence-certificate' });
    expect(recogniseAt(catalog, landing, { ...empty, headings: ['Composition de ménage'] }).form).toBe('household-composition-certificate');
    // The address names the form: nothing to wait for.
    expect(recogniseAt(catalog, 'https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-certificat-de-residence-ou-de-domicile/')).toEqual({ page: 'imio-form', form: 'residence-certificate' });
  });
});
