/**
 * Issue 13: national register numbers are never stored without the opt-in, wherever they hide — a
 * captured value (a date-of-issue selection that also holds the number), a note, a history record,
 * a backup. Numbers are found by their mod-97 check in any common writing. Before the fix only the
 * dedicated field is checked, so each of these stores the number in clear.
 */
import { describe, expect, it } from 'vitest';
import * as nrn from '../../src/privacy/nrn';
import { BIRTH_TAB, harness, exportJson, importJson, importReply } from '../support/store';

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
    const backup = JSON.parse((await exportJson(h)).json);
    const entry = backup.history[backup.history.length - 1];
    entry.after = { ...entry.after, notes: `RN ${NRN}` };
    await importJson(h, JSON.stringify(backup)).catch(() => undefined);
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('an invalid number (wrong check digits) is left alone (guard: passes before the fix too)', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { notes: 'dossier 85.07.30-033.27' } });
    expect(await stored(h)).toContain('85.07.30-033.27');
  });
});

describe('what happens to a register number without the opt-in', () => {
  const ref = (dossierId: string) => ({ dossierId, artefact: 'birth-certificate' });

  it('a captured selection keeps its other words with the number masked; a selection that is only the number is refused', async () => {
    const { h, dossier } = await withDossier();
    const saved = await h.call('progress:capture', { ...ref(dossier.id), field: 'issued', value: `Délivré le 14/03/2026, RN ${NRN}` }, BIRTH_TAB);
    expect(saved.captured['issued']?.value).toBe('Délivré le 14/03/2026, RN ••.••.••-•••.28');
    expect(saved.issuedOn).toBe('2026-03-14');
    const before = await h.snapshot();
    await expect(h.call('progress:capture', { ...ref(dossier.id), field: 'reference', value: ' 85 07 30 033 28. ' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'nrn.not-allowed' });
    expect(await h.snapshot()).toEqual(before);
  });

  it('notes, labels and answers typed in the dashboard are refused with the field named, and nothing changes', async () => {
    const { h, dossier } = await withDossier();
    const before = await h.snapshot();
    await expect(h.call('progress:update', { ...ref(dossier.id), patch: { notes: `n° ${NRN}` } })).rejects.toMatchObject({ code: 'nrn.not-allowed', params: { field: 'notes' } });
    await expect(h.call('dossier:update', { id: dossier.id, patch: { notes: '85073003328' } })).rejects.toMatchObject({ code: 'nrn.not-allowed', params: { field: 'notes' } });
    await expect(h.call('dossier:create', { procedure: 'nationality', label: `Me ${NRN}`, answers: {}, choices: {}, lang: 'en' })).rejects.toMatchObject({ code: 'nrn.not-allowed', params: { field: 'label' } });
    await expect(h.call('appointment:save', { id: 'r', dossierId: dossier.id, service: 'Nationalité', start: '2026-12-01T09:30', notes: NRN })).rejects.toMatchObject({ code: 'nrn.not-allowed', params: { field: 'notes' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it('a booking page’s appointment and an attached file’s name keep the number masked', async () => {
    const { h, dossier } = await withDossier();
    const booking = { fromExtensionPage: false, tabUrl: 'https://rdv.irisnet.be/booking', tabId: 8 };
    const rdv = await h.call('appointment:save', { id: 'r', dossierId: dossier.id, service: 'Nationalité', start: '2026-12-01T09:30', reference: `RN ${NRN}` }, booking);
    expect(rdv.reference).toBe('RN ••.••.••-•••.28');
    const p = await h.call('attachment:add', { ...ref(dossier.id), name: '85073003328.pdf', type: 'application/pdf', base64: btoa('x') });
    expect(p.attachments[0]?.name).toBe('••.••.••-•••.28.pdf');
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('with the opt-in a note keeps the number; undo after the opt-out does not bring it back', async () => {
    const { h, dossier } = await withDossier();
    await h.call('settings:update', { keepNationalRegisterNumber: true });
    await h.call('progress:update', { ...ref(dossier.id), patch: { notes: `RN ${NRN}` } });
    await h.call('progress:update', { ...ref(dossier.id), patch: { notes: 'plus rien' } });
    expect(await stored(h)).toMatch(ANY);
    await h.call('settings:update', { keepNationalRegisterNumber: false });
    await h.call('history:undo', { dossierId: dossier.id });
    expect((await h.call('dossier:get', { id: dossier.id })).progress[0]?.notes).toBe('RN ••.••.••-•••.28');
    expect(await stored(h)).not.toMatch(ANY);
  });

  it('a backup with a number in a captured value or an appointment is refused, naming where', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:capture', { ...ref(dossier.id), field: 'reference', value: 'IRIS-1' }, BIRTH_TAB);
    await h.call('appointment:save', { id: 'r', dossierId: dossier.id, service: 'Nationalité', start: '2026-12-01T09:30' });
    const backup = JSON.parse((await exportJson(h)).json);
    backup.progress[0].captured.reference.value = NRN;
    backup.appointments[0].place = `guichet, ${NRN}`;
    const reply = await importReply(h, JSON.stringify(backup));
    expect(reply.ok).toBe(false);
    const problems = String(!reply.ok && reply.error.params?.['problems']);
    expect(problems).toContain('progress[0].captured.reference.value: nrn-not-allowed');
    expect(problems).toContain('appointments[0].place: nrn-not-allowed');
    expect(problems).not.toMatch(ANY);
  });
});
