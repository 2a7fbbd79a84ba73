import { describe, expect, it } from 'vitest';
import { harness, type Harness, exportJson, importJson, importReply } from '../../tests/support/store';
import { checkBackup } from './backup';

/** A database with every kind of record: two dossiers, progress, binary attachments, appointments, history, settings. */
async function populated(): Promise<Harness> {
  const h = harness();
  await h.call('settings:update', { keepNationalRegisterNumber: true, lang: 'nl' });
  const a = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: { 'born-abroad': true }, choices: { birth: 'birth-local' }, lang: 'fr', commune: 'auderghem', nationalRegisterNumber: '85073003328' });
  const b = await h.call('dossier:create', { procedure: 'nationality', label: 'Amira', answers: {}, choices: {}, lang: 'en' });
  await h.call('progress:update', { dossierId: a.id, artefact: 'birth-certificate', patch: { status: 'obtained', source: 'irisbox', issuedOn: '2026-10-01', notes: 'Reçu — ✓ « émis »' } });
  const binary = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
  await h.call('attachment:add', { dossierId: a.id, artefact: 'birth-certificate', name: 'acte.pdf', type: 'application/pdf', base64: btoa(binary.repeat(40)) });
  await h.call('attachment:add', { dossierId: a.id, artefact: 'birth-certificate', name: 'empty.bin', type: '', base64: '' });
  await h.call('progress:set-status', { dossierId: b.id, artefact: 'id-copy', status: 'in-progress' });
  await h.call('progress:set-status', { dossierId: b.id, artefact: 'id-copy', status: 'obtained' });
  await h.call('appointment:save', { id: 'rdv', dossierId: a.id, service: 'Nationalité', start: '2026-12-01T09:30', place: 'Auderghem' });
  await h.call('settings:update', { activeDossier: a.id, panelCollapsed: { 'irisbox.irisnet.be': true } });
  await h.call('history:undo', { dossierId: b.id });
  return h;
}

describe('backup', () => {
  it('export then import into an empty database reproduces every record and every byte', async () => {
    const source = await populated();
    const before = await source.snapshot();
    const { json, filename } = await exportJson(source);
    expect(filename).toMatch(/^be-civic-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const target = harness();
    const counts = await importJson(target, json);
    expect(counts).toEqual({ dossiers: 2, progress: 2, appointments: 1, history: before.history.length, attachments: 2 });
    expect(await target.snapshot()).toEqual(before);
    // And the history keeps going from where it was: the next entry gets a new id.
    const next = await target.call('progress:set-status', { dossierId: (before.dossiers[0] as { id: string }).id, artefact: 'id-copy', status: 'obtained' });
    const history = (await target.snapshot()).history as Array<{ id: number }>;
    expect(new Set(history.map((e) => e.id)).size).toBe(history.length);
    expect(next.status).toBe('obtained');
  });

  it('import replaces what was there', async () => {
    const source = await populated();
    const { json } = await exportJson(source);
    const target = harness();
    await target.call('dossier:create', { procedure: 'nationality', label: 'Old', answers: {}, choices: {}, lang: 'fr' });
    await importJson(target, json);
    expect(await target.snapshot()).toEqual(await source.snapshot());
  });

  it('a bad file is refused with its first problems and leaves the database untouched', async () => {
    const source = await populated();
    const { json } = await exportJson(source);
    const target = await populated();
    await target.call('dossier:create', { procedure: 'nationality', label: 'Only here', answers: {}, choices: {}, lang: 'fr' });
    const before = await target.snapshot();
    const good = JSON.parse(json);
    // [what, how the file is broken, the code, and for `backup.invalid` what its problems must name]
    const variants: Array<[string, (b: any) => unknown, string, RegExp?]> = [
      ['not JSON', () => '{"format": "be-civic-backup",', 'backup.not-json'],
      ['another file', () => ({ hello: 'world' }), 'backup.not-a-backup'],
      ['newer version', (b) => ({ ...b, version: 9 }), 'backup.newer-version'],
      ['bad status', (b) => (b.progress[0].status = 'done', b), 'backup.invalid', /progress\[0\]\.status/],
      ['extra key', (b) => (b.dossiers[1].evil = true, b), 'backup.invalid', /dossiers\[1\]/],
      ['orphan progress', (b) => (b.progress[1].dossierId = 'ghost', b), 'backup.invalid', /progress\[1\]\.dossierId: unknown-dossier "ghost"/],
      ['missing attachment bytes', (b) => (b.attachments = b.attachments.slice(1), b), 'backup.invalid', /missing-file/],
      ['truncated attachment', (b) => (b.attachments[0].base64 = b.attachments[0].base64.slice(0, 8), b), 'backup.invalid', /size-mismatch ".*" 10240\/6/],
      ['bad base64', (b) => (b.attachments[0].base64 = '@@@@', b), 'backup.invalid', /attachments\[0\]\.base64: invalid-base64/],
      ['duplicate dossier', (b) => (b.dossiers.push(b.dossiers[0]), b), 'backup.invalid', /duplicate-dossier/],
      ['bad register number', (b) => (b.dossiers[0].nationalRegisterNumber = '85073003329', b), 'backup.invalid', /nrn-invalid/],
      ['number kept against settings', (b) => (b.settings.keepNationalRegisterNumber = false, b), 'backup.invalid', /nrn-not-allowed/],
    ];
    for (const [what, mutate, code, problems] of variants) {
      const file = mutate(structuredClone(good));
      const reply = await importReply(target, typeof file === 'string' ? file : JSON.stringify(file));
      expect(reply.ok, what).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code, what).toBe(code);
        if (code === 'backup.newer-version') expect(reply.error.params).toEqual({ version: 9 });
        if (problems) expect(String(reply.error.params?.problems), what).toMatch(problems);
      }
    }
    expect(await target.snapshot()).toEqual(before);
  });

  it('names at most five problems, each with where it is', () => {
    const problems = checkBackup(JSON.stringify({ format: 'be-civic-backup', version: 1, exportedAt: -1, settings: {}, dossiers: 'x', progress: [1], appointments: [], history: [], attachments: [{}] }));
    expect(problems.ok).toBe(false);
    if (!problems.ok) {
      expect(problems.problems.length).toBe(5);
      expect(problems.problems[0]).toMatch(/^exportedAt: /);
    }
  });
});
