/**
 * Issue 13: national register numbers are never stored without the opt-in, wherever they hide — a
 * captured value (a date-of-issue selection that also holds the number), a note, a history record,
 * a backup. Numbers are found by their mod-97 check in any common writing. Before the fix only the
 * dedicated field is checked, so each of these stores the number in clear.
 */
import { describe, expect, it } from 'vitest';
import * as nrn from '../../src/privacy/nrn';
import { BIRTH_TAB, harness } from '../../src/store/test-support';

/** Made-up numbers with valid check digits: 97 - (850730033 mod 97) = 28; born in 2001, 97 - (2010101234 mod 97). */
const NRN = '85.07.30-033.28';
const NRN_2000S = `01.01.01-234.${String(97 - (2_010_101_234 % 97)).padStart(2, '0')}`;
const ANY = /85\D{0,2}07\D{0,2}30\D{0,2}033\D{0,2}28/;

async function withDossier() {
  const h = harness();
  const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: { 'born-abroad': true }, choices: {}, lang: 'en' });
  return { h, dossier };
}
const stored = async (h: ReturnType<typeof harness>) => JSON.stringify(await h.snapshot());

describe('the register-number scanner', () => {
  it('finds numbers with valid check digits in any common writing, inside longer text', () => {
    const find = (nrn as unknown as { findNationalRegisterNumbers?: (text: string) => string[] }).findNationalRegisterNumbers;
    expect(typeof find).toBe('function');
    expect(find!(`Délivré le 14/03/2026, RN ${NRN}.`)).toEqual(['85073003328']);
    expect(find!('85073003328')).toEqual(['85073003328']);
    expect(find!('85 07 30 033 28 et 85.07.30-033.27')).toEqual(['85073003328']);
    expect(find!(`né en 2001 : ${NRN_2000S}`)).toHaveLength(1);
    expect(find!('IB-DEMO-0001, 14/03/2026, BE68 5390 0754 7034')).toEqual([]);
  });
});

describe('no register number stored without the opt-in', () => {
  it('a date-of-issue capture whose selection holds a number keeps the day, not the number', async () => {
    const { h, dossier } = await withDossier();
    const saved = await h
      .call('progress:capture', { dossierId: dossier.id, artefact: 'birth-certificate', field: 'issued', value: `Délivré le 14/03/2026 à Jean Exemple, ${NRN}` }, BIRTH_TAB)
      .catch(() => undefined);
    if (saved) expect(saved.issuedOn).toBe('2026-03-14');
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('a reference capture that is a number is not stored', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:capture', { dossierId: dossier.id, artefact: 'birth-certificate', field: 'reference', value: '85073003328' }, BIRTH_TAB).catch(() => undefined);
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('a note holding a number is not stored', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { notes: `mon numéro national : 85 07 30 033 28` } }).catch(() => undefined);
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('the opt-out purge covers captured values, notes and history', async () => {
    const { h, dossier } = await withDossier();
    await h.call('settings:update', { keepNationalRegisterNumber: true });
    await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { notes: `RN ${NRN}` } });
    await h.call('progress:capture', { dossierId: dossier.id, artefact: 'birth-certificate', field: 'reference', value: NRN }, BIRTH_TAB);
    await h.call('settings:update', { keepNationalRegisterNumber: false });
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('a backup carrying a number in a history entry is refused or stripped', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'birth-certificate', status: 'requested' });
    const backup = JSON.parse((await h.call('backup:export', {})).json);
    const entry = backup.history[backup.history.length - 1];
    entry.after = { ...entry.after, notes: `RN ${NRN}` };
    await h.call('backup:import', { json: JSON.stringify(backup) }).catch(() => undefined);
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('an invalid number (wrong check digits) is left alone (guard: passes before the fix too)', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { notes: 'dossier 85.07.30-033.27' } });
    expect(await stored(h)).toContain('85.07.30-033.27');
  });
});
