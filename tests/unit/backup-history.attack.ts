/**
 * Issue 13: history entries carried by a backup are validated against the schema of the store they
 * name, and belong to their own dossier; undo validates again before it writes. Before the fix, a
 * backup's history entry is any `before`/`after` at all, and undo writes it, into another dossier.
 */
import { describe, expect, it } from 'vitest';
import { harness } from '../../src/store/test-support';

async function twoDossiers() {
  const h = harness();
  const mine = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: { 'born-abroad': false }, choices: {}, lang: 'en' });
  const other = await h.call('dossier:create', { procedure: 'nationality', label: 'Other', answers: { 'born-abroad': false }, choices: {}, lang: 'en' });
  await h.call('progress:set-status', { dossierId: other.id, artefact: 'id-copy', status: 'obtained' });
  return { h, mine, other };
}

describe('backup history validation', () => {
  it('refuses a backup whose history entry holds a record its store’s schema refuses', async () => {
    const { h, mine } = await twoDossiers();
    const backup = JSON.parse((await h.call('backup:export', {})).json);
    backup.history.push({ dossierId: mine.id, at: 1, store: 'progress', key: `${mine.id}/id-copy`, before: { junk: true, status: 'hacked' }, after: null });
    const before = await h.snapshot();
    await expect(h.call('backup:import', { json: JSON.stringify(backup) })).rejects.toThrow();
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a backup whose history entry names another dossier’s record', async () => {
    const { h, mine, other } = await twoDossiers();
    const backup = JSON.parse((await h.call('backup:export', {})).json);
    const victim = backup.progress.find((p: { dossierId: string }) => p.dossierId === other.id);
    backup.history.push({ dossierId: mine.id, at: 1, store: 'progress', key: `${other.id}/id-copy`, before: { ...victim, status: 'not-started' }, after: victim });
    await expect(h.call('backup:import', { json: JSON.stringify(backup) })).rejects.toThrow();
  });

  it('undo validates the entry again: an entry the schema refuses, naming another dossier’s record, writes nothing', async () => {
    const { h, mine, other } = await twoDossiers();
    const db = await h.db();
    const victim = (await h.snapshot()).progress.find((p) => (p as { dossierId: string }).dossierId === other.id) as Record<string, unknown>;
    // In the undo list of "Me", a record of "Other" that no schema accepts (an unknown status and field).
    await db.add('history', { dossierId: mine.id, at: Date.now() + 10_000, store: 'progress', key: `${mine.id}/id-copy`, before: { ...victim, status: 'hacked', planted: true }, after: victim } as never);
    const before = (await h.snapshot()).progress;
    await h.call('history:undo', { dossierId: mine.id }).catch(() => undefined);
    expect((await h.snapshot()).progress).toEqual(before);
  });
});
