import { describe, expect, it } from 'vitest';
import { BIRTH_TAB, BOOKING_TAB, OTHER_CATALOG_TAB, harness } from '../../tests/support/store';

async function withDossier(bornAbroad = true) {
  const h = harness();
  const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: { 'born-abroad': bornAbroad }, choices: {}, lang: 'en' });
  return { h, dossier };
}

describe('dossiers', () => {
  it('creates, lists, updates and deletes a dossier with everything that belongs to it', async () => {
    const { h, dossier } = await withDossier();
    expect(dossier).toMatchObject({ id: 'id-1', procedure: 'nationality', label: 'Me' });
    expect(await h.call('dossier:list', {})).toEqual([dossier]);
    const updated = await h.call('dossier:update', { id: dossier.id, patch: { label: 'Amira', commune: 'auderghem' } });
    expect(updated).toMatchObject({ label: 'Amira', commune: 'auderghem', createdAt: dossier.createdAt });
    expect(updated.updatedAt).toBeGreaterThan(dossier.updatedAt);
    const cleared = await h.call('dossier:update', { id: dossier.id, patch: {}, clear: ['commune'] });
    expect(cleared).not.toHaveProperty('commune');
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'in-progress' });
    await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'a.txt', type: 'text/plain', base64: btoa('hello') });
    await h.call('appointment:save', { id: 'rdv', dossierId: dossier.id, service: 'Nationalité', start: '2026-12-01T09:30' });
    await h.call('settings:update', { activeDossier: dossier.id });
    await h.call('dossier:delete', { id: dossier.id });
    const left = await h.snapshot();
    expect(left).toEqual({ dossiers: [], progress: [], attachments: [], appointments: [], history: [], settings: [expect.not.objectContaining({ activeDossier: expect.anything() })] });
  });

  it('refuses unknown procedures and communes', async () => {
    const h = harness();
    await expect(h.call('dossier:create', { procedure: 'nope', label: 'x', answers: {}, choices: {}, lang: 'fr' })).rejects.toMatchObject({ code: 'unknown.procedure', params: { procedure: 'nope' } });
    await expect(h.call('dossier:create', { procedure: 'nationality', label: 'x', answers: {}, choices: {}, lang: 'fr', commune: 'atlantis' })).rejects.toMatchObject({ code: 'unknown.commune', params: { commune: 'atlantis' } });
    expect((await h.snapshot()).dossiers).toEqual([]);
  });
});

describe('progress', () => {
  it('sets a status, keeps history, and computes expiry from the date of issue', async () => {
    const { h, dossier } = await withDossier();
    const p = await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'birth-certificate', status: 'requested', source: 'irisbox' });
    expect(p).toMatchObject({ status: 'requested', source: 'irisbox', captured: {}, attachments: [] });
    const dated = await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { issuedOn: '2026-01-15', notes: 'asked' } });
    expect(dated).toMatchObject({ issuedOn: '2026-01-15', expiresOn: '2026-07-14', notes: 'asked', status: 'requested' });
    const undated = await h.call('progress:update', { dossierId: dossier.id, artefact: 'birth-certificate', patch: { issuedOn: null } });
    expect(undated).not.toHaveProperty('issuedOn');
    expect(undated).not.toHaveProperty('expiresOn');
    const detail = await h.call('dossier:get', { id: dossier.id });
    expect(detail.history.map((e) => e.store)).toEqual(['dossiers', 'progress', 'progress', 'progress']);
    expect(h.notices.at(-1)).toEqual({ kind: 'be-civic:changed', stores: ['progress'], dossierId: dossier.id });
  });

  it('refuses unknown dossiers, documents and sources without writing', async () => {
    const { h, dossier } = await withDossier();
    const before = await h.snapshot();
    await expect(h.call('progress:set-status', { dossierId: 'ghost', artefact: 'id-copy', status: 'obtained' })).rejects.toMatchObject({ code: 'unknown.dossier' });
    await expect(h.call('progress:set-status', { dossierId: dossier.id, artefact: 'ghost', status: 'obtained' })).rejects.toMatchObject({ code: 'unknown.artefact', params: { artefact: 'ghost' } });
    await expect(h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained', source: 'irisbox' })).rejects.toMatchObject({ code: 'unknown.source', params: { source: 'irisbox', artefact: 'id-copy' } });
    await expect(h.call('progress:update', { dossierId: dossier.id, artefact: 'id-copy', patch: { issuedOn: '2026-02-30' } })).rejects.toMatchObject({ code: 'input.invalid-date', params: { value: '2026-02-30' } });
    expect(await h.snapshot()).toEqual(before);
  });

  it('undoes the latest change, then the one before, never an undo', async () => {
    const { h, dossier } = await withDossier();
    const ref = { dossierId: dossier.id, artefact: 'id-copy' };
    await h.call('progress:set-status', { ...ref, status: 'in-progress' });
    await h.call('progress:set-status', { ...ref, status: 'obtained' });
    expect((await h.call('history:undo', { dossierId: dossier.id })).undone?.after).toMatchObject({ status: 'obtained' });
    expect((await h.call('dossier:get', { id: dossier.id })).progress[0]).toMatchObject({ status: 'in-progress' });
    await h.call('history:undo', { dossierId: dossier.id });
    expect((await h.call('dossier:get', { id: dossier.id })).progress).toEqual([]);
    await h.call('history:undo', { dossierId: dossier.id });
    expect(await h.call('dossier:list', {})).toEqual([]);
    expect(await h.call('history:undo', { dossierId: dossier.id })).toEqual({ undone: null });
    // Undoing the creation leaves nothing behind, not even history that would point at no dossier.
    expect(Object.values(await h.snapshot()).flat()).toEqual([]);
  });

  it('undoing an added file removes its bytes too', async () => {
    const { h, dossier } = await withDossier();
    await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'a.txt', type: 'text/plain', base64: btoa('one') });
    await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'b.txt', type: 'text/plain', base64: btoa('two') });
    await h.call('history:undo', { dossierId: dossier.id });
    const after = await h.snapshot();
    expect((after.progress[0] as { attachments: Array<{ name: string }> }).attachments.map((a) => a.name)).toEqual(['a.txt']);
    expect(after.attachments).toEqual([{ id: 'id-2', dossierId: dossier.id, artefact: 'id-copy', blob: ['text/plain', [...'one'].map((c) => c.charCodeAt(0))] }]);
  });
});

describe('attachments', () => {
  it('stores the bytes as a Blob and gives them back exactly', async () => {
    const { h, dossier } = await withDossier();
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const p = await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'scan.pdf', type: 'application/pdf', base64: btoa(binary) });
    expect(p.attachments).toEqual([{ id: 'id-2', name: 'scan.pdf', type: 'application/pdf', size: 70_000, addedAt: expect.any(Number) }]);
    const got = await h.call('attachment:get', { id: 'id-2' });
    expect(got).toEqual({ name: 'scan.pdf', type: 'application/pdf', base64: btoa(binary) });
    const stored = (await h.snapshot()).attachments[0] as { blob: [string, number[]] } | undefined;
    expect(stored?.blob[0]).toBe('application/pdf');
    const removed = await h.call('attachment:remove', { dossierId: dossier.id, artefact: 'id-copy', id: 'id-2' });
    expect(removed.attachments).toEqual([]);
    expect((await h.snapshot()).attachments).toEqual([]);
    // Undoing the removal cannot bring back bytes that are gone: the restored record does not list them.
    await h.call('history:undo', { dossierId: dossier.id });
    expect((await h.call('dossier:get', { id: dossier.id })).progress[0]?.attachments).toEqual([]);
  });

  it('refuses content that is not base64', async () => {
    const { h, dossier } = await withDossier();
    await expect(h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'x', type: 'text/plain', base64: 'no!' })).rejects.toMatchObject({ code: 'input.invalid-file' });
  });
});

describe('content scripts get only their page slice', () => {
  it('page:state lists only what this page serves, with the requirement label and progress', async () => {
    const { h, dossier } = await withDossier(true);
    await h.call('dossier:create', { procedure: 'nationality', label: 'Born here', answers: { 'born-abroad': false }, choices: {}, lang: 'fr' });
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'birth-certificate', status: 'requested' }, BIRTH_TAB);
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' });
    const state = await h.call('page:state', { page: 'irisbox-birth' }, BIRTH_TAB);
    expect(state.lang).toBe('nl');
    expect(state.collapsed).toBe(false);
    expect(state.dossiers.map((d) => [d.label, d.needs.map((n) => [n.artefact, n.requirement.text, n.progress?.status])])).toEqual([
      ['Me', [['birth-certificate', 'Birth certificate', 'requested'], ['residence-history', 'Historique des adresses', undefined]]],
      ['Born here', [['residence-history', 'Historique des adresses', undefined]]],
    ]);
    expect(JSON.stringify(state)).not.toContain('id-copy');
  });

  it('refuses a page the tab is not on, and changes to documents the page does not serve', async () => {
    const { h, dossier } = await withDossier();
    const before = await h.snapshot();
    await expect(h.call('page:state', { page: 'irisbox-birth' }, OTHER_CATALOG_TAB)).rejects.toMatchObject({ code: 'slice.wrong-page', params: { page: 'irisbox-birth' } });
    await expect(h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'slice.artefact-not-served' });
    await expect(h.call('progress:capture', { dossierId: dossier.id, artefact: 'id-copy', field: 'reference', value: 'R1' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'slice.artefact-not-served' });
    await expect(h.call('progress:capture', { dossierId: dossier.id, artefact: 'birth-certificate', field: 'invented', value: 'R1' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'slice.field-not-captured', params: { field: 'invented' } });
    await expect(h.call('progress:set-status', { dossierId: dossier.id, artefact: 'birth-certificate', status: 'obtained' }, OTHER_CATALOG_TAB)).rejects.toMatchObject({ code: 'slice.artefact-not-served' });
    await expect(h.call('dossier:list', {}, BIRTH_TAB)).rejects.toMatchObject({ code: 'sender.not-extension-page' });
    await expect(h.call('backup:export-begin', {}, BIRTH_TAB)).rejects.toMatchObject({ code: 'sender.not-extension-page' });
    await expect(h.call('data:wipe', { confirm: true }, BIRTH_TAB)).rejects.toMatchObject({ code: 'sender.not-extension-page' });
    await expect(h.call('page:describe', { page: 'irisbox-birth', lang: 'fr' }, { fromExtensionPage: false, tabUrl: 'https://example.org/' })).rejects.toMatchObject({ code: 'sender.not-catalog-page' });
    await expect(h.call('appointment:save', { id: 'a', dossierId: dossier.id, service: 's', start: '2026-12-01T09:30' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'slice.not-booking-page' });
    expect(await h.snapshot()).toEqual(before);
  });

  it('captures values and dates of issue from the page', async () => {
    const { h, dossier } = await withDossier();
    const ref = { dossierId: dossier.id, artefact: 'birth-certificate' };
    await h.call('progress:capture', { ...ref, field: 'reference', value: 'IRIS-42', page: 'irisbox-birth' }, BIRTH_TAB);
    const p = await h.call('progress:capture', { ...ref, field: 'issued', value: '14/03/2026' }, BIRTH_TAB);
    expect(p).toMatchObject({ issuedOn: '2026-03-14', expiresOn: '2026-09-13', captured: { reference: { value: 'IRIS-42', page: 'irisbox-birth' }, issued: { value: '14/03/2026' } } });
    await expect(h.call('progress:capture', { ...ref, field: 'issued', value: 'soon' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'input.invalid-date', params: { value: 'soon' } });
  });

  it('lets a booking page add an appointment but not change one', async () => {
    const { h, dossier } = await withDossier();
    const rdv = { id: 'rdv-1', dossierId: dossier.id, service: 'Nationalité', start: '2026-12-01T09:30' };
    expect(await h.call('appointment:save', rdv, BOOKING_TAB)).toMatchObject(rdv);
    await expect(h.call('appointment:save', { ...rdv, start: '2026-12-02T09:30' }, BOOKING_TAB)).rejects.toMatchObject({ code: 'slice.appointment-exists' });
    expect(await h.call('appointment:save', { ...rdv, start: '2026-12-02T09:30' })).toMatchObject({ start: '2026-12-02T09:30' });
  });

  it('remembers the collapsed panel per host', async () => {
    const h = harness();
    await h.call('panel:collapse', { collapsed: true }, BIRTH_TAB);
    expect((await h.call('page:state', { page: 'irisbox-birth' }, BIRTH_TAB)).collapsed).toBe(true);
    expect((await h.call('settings:get', {})).panelCollapsed).toEqual({ 'irisbox.irisnet.be': true });
  });
});

describe('national register number', () => {
  const NRN = '85.07.30-033.28';
  it('is refused unless the user chose to keep it, checked, and forgotten when they change their mind', async () => {
    const { h, dossier } = await withDossier();
    const ref = { dossierId: dossier.id, artefact: 'birth-certificate' };
    await expect(h.call('progress:capture', { ...ref, field: 'nrn', value: NRN }, BIRTH_TAB)).rejects.toMatchObject({ code: 'nrn.not-allowed' });
    await expect(h.call('dossier:update', { id: dossier.id, patch: { nationalRegisterNumber: '85073003328' } })).rejects.toMatchObject({ code: 'nrn.not-allowed' });
    await h.call('settings:update', { keepNationalRegisterNumber: true });
    await expect(h.call('progress:capture', { ...ref, field: 'nrn', value: '85.07.30-033.29' }, BIRTH_TAB)).rejects.toMatchObject({ code: 'nrn.invalid' });
    const p = await h.call('progress:capture', { ...ref, field: 'nrn', value: NRN }, BIRTH_TAB);
    expect(p.captured).toEqual({});
    expect((await h.call('dossier:get', { id: dossier.id })).dossier.nationalRegisterNumber).toBe('85073003328');
    await h.call('settings:update', { keepNationalRegisterNumber: false });
    expect(JSON.stringify(await h.snapshot())).not.toContain('85073003328');
  });
});

describe('settings, dashboard and storage', () => {
  it('returns defaults, validates the active dossier, opens the dashboard, reports storage', async () => {
    const h = harness();
    expect(await h.call('settings:get', {})).toEqual({ panelCollapsed: {}, keepNationalRegisterNumber: false, notifications: false, discreetNotifications: true });
    await expect(h.call('settings:update', { activeDossier: 'ghost' })).rejects.toMatchObject({ code: 'unknown.dossier' });
    await h.call('dashboard:open', { setup: true }, BIRTH_TAB);
    await h.call('dashboard:open', { dossierId: 'a b' });
    expect(h.dashboards).toEqual(['#setup', '#dossier=a%20b']);
    expect(await h.call('storage:estimate', {})).toEqual({ usage: 1, quota: 2, persisted: false });
    expect(await h.call('store:status', {})).toEqual({ writable: true });
  });

  it('wipes everything', async () => {
    const { h, dossier } = await withDossier();
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'id-copy', status: 'obtained' });
    await h.call('data:wipe', { confirm: true });
    expect(Object.values(await h.snapshot()).every((list) => list.length === 0)).toBe(true);
    expect(h.notices.at(-1)?.stores).toEqual(['all']);
  });
});

describe('concurrent writers', () => {
  it('loses no update when 400 changes to the same record race', async () => {
    const { h, dossier } = await withDossier();
    const ref = { dossierId: dossier.id, artefact: 'birth-certificate' };
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => h.call('progress:capture', { ...ref, field: `f${i}`, value: `v${i}` })),
    );
    const detail = await h.call('dossier:get', { id: dossier.id });
    expect(Object.keys(detail.progress[0]!.captured).length).toBe(400);
    expect(detail.history.filter((e) => e.store === 'progress').length).toBe(400);
  });
});
