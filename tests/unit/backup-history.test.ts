/**
 * Issue 13: history entries carried by a backup are validated against the schema of the store they
 * name, and belong to their own dossier; undo validates again before it writes. Before the fix, a
 * backup's history entry is any `before`/`after` at all, and undo writes it, into another dossier.
 */
import { describe, expect, it } from 'vitest';
import { harness, exportJson, importJson, importReply } from '../support/store';

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
    const backup = JSON.parse((await exportJson(h)).json);
    backup.history.push({ dossierId: mine.id, at: 1, store: 'progress', key: `${mine.id}/id-copy`, before: { junk: true, status: 'hacked' }, after: null });
    const before = await h.snapshot();
    await expect(importJson(h, JSON.stringify(backup))).rejects.toThrow();
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a backup whose history entry names another dossier’s record', async () => {
    const { h, mine, other } = await twoDossiers();
    const backup = JSON.parse((await exportJson(h)).json);
    const victim = backup.progress.find((p: { dossierId: string }) => p.dossierId === other.id);
    backup.history.push({ dossierId: mine.id, at: 1, store: 'progress', key: `${other.id}/id-copy`, before: { ...victim, status: 'not-started' }, after: victim });
    await expect(importJson(h, JSON.stringify(backup))).rejects.toThrow();
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

describe('history entries checked as their store’s records', () => {
  it('undo of a damaged entry answers history.invalid and leaves every store as it was', async () => {
    const { h, mine } = await twoDossiers();
    await h.call('progress:set-status', { dossierId: mine.id, artefact: 'id-copy', status: 'requested' });
    const db = await h.db();
    const good = (await h.snapshot()).progress.find((p) => (p as { dossierId: string }).dossierId === mine.id) as Record<string, unknown>;
    // A valid record of this dossier, but under the key of another document.
    await db.add('history', { dossierId: mine.id, at: Date.now() + 10_000, store: 'progress', key: `${mine.id}/birth-certificate`, before: { ...good, status: 'obtained' }, after: good } as never);
    db.close();
    const before = await h.snapshot();
    await expect(h.call('history:undo', { dossierId: mine.id })).rejects.toMatchObject({ code: 'history.invalid' });
    expect(await h.snapshot()).toEqual(before);
  });

  it('a backup names each bad entry: not a record, no record, another record, another dossier', async () => {
    const { h, mine, other } = await twoDossiers();
    const backup = JSON.parse((await exportJson(h)).json);
    const victim = backup.progress.find((p: { dossierId: string }) => p.dossierId === other.id);
    const dossierRecord = backup.dossiers.find((d: { id: string }) => d.id === mine.id);
    const first = backup.history.length;
    backup.history.push(
      { dossierId: mine.id, at: 1, store: 'dossiers', key: mine.id, before: null, after: { ...dossierRecord, planted: 1 } },
      { dossierId: mine.id, at: 1, store: 'progress', key: `${mine.id}/id-copy`, before: null, after: null },
      { dossierId: other.id, at: 1, store: 'progress', key: `${other.id}/birth-certificate`, before: null, after: victim },
      { dossierId: mine.id, at: 1, store: 'dossiers', key: mine.id, before: null, after: backup.dossiers.find((d: { id: string }) => d.id === other.id) },
    );
    const reply = await importReply(h, JSON.stringify(backup));
    expect(reply).toMatchObject({ ok: false, error: { code: 'backup.invalid' } });
    expect(String(!reply.ok && reply.error.params?.['problems']).split('; ')).toEqual([
      `history[${first}].after: invalid-record`,
      `history[${first + 1}].no-record`,
      `history[${first + 2}].after: other-record`,
      `history[${first + 3}].after: other-dossier`,
    ]);
  });

  it('a backup of real use, undos included, passes the check and undo still works after the import', async () => {
    const { h, mine } = await twoDossiers();
    await h.call('progress:set-status', { dossierId: mine.id, artefact: 'id-copy', status: 'requested' });
    await h.call('appointment:save', { id: 'r', dossierId: mine.id, service: 'Nationalité', start: '2026-12-01T09:30' });
    await h.call('history:undo', { dossierId: mine.id });
    const target = harness();
    await importJson(target, (await exportJson(h)).json);
    expect((await target.call('history:undo', { dossierId: mine.id })).undone?.after).toMatchObject({ status: 'requested' });
  });
});
