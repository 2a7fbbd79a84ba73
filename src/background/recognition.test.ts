import { describe, expect, it } from 'vitest';
import catalog from '../catalog/bundled';
import { recogniseAt } from './recognition';

describe('recognition in the background', () => {
  it('decides from the URL alone where no page there has DOM signals', () => {
    expect(recogniseAt(catalog, 'https://my.belgium.be/fr')).toEqual({ page: 'my-belgium-home' });
    expect(recogniseAt(catalog, 'https://my.belgium.be/nulle-part')).toEqual({ page: null });
    expect(recogniseAt(catalog, 'http://my.belgium.be/fr')).toEqual({ page: null });
  });

  it('asks for the signals first where they tell pages apart, then decides from the answers', () => {
    const first = recogniseAt(catalog, 'https://irisbox.irisnet.be/irisbox/certificat');
    expect(first).toMatchObject({ page: null, ask: { title: true } });
    const empty = { title: '', headings: [], has: {} };
    expect(recogniseAt(catalog, 'https://irisbox.irisnet.be/irisbox/certificat', { ...empty, title: 'IRISbox — Extrait de casier judiciaire' }).page).toBe('irisbox-certificate');
    expect(recogniseAt(catalog, 'https://irisbox.irisnet.be/irisbox/certificat', { ...empty, title: 'IRISbox' }).page).toBe('irisbox-home');
  });
});
