/**
 * Backups of any size cross between the dashboard and the background without a single message near
 * the browser's limit (Chromium refuses messages over 64 MiB; a single-message backup failed at about
 * 48 MB of attachments): chunked export and import, and what a broken transfer answers.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/model/base64';
import { BACKUP_CHUNK_CHARS, splitText } from '../../src/model/transfer';
import { exportJson, harness, importJson, importReply } from '../support/store';

const MiB = 1024 * 1024;
/** Chromium's limit on one extension message, counted on its JSON. */
const MESSAGE_LIMIT = 64 * MiB;

function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

async function withDossier() {
  const h = harness();
  const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Łukasz 🇵🇱', answers: {}, choices: {}, lang: 'fr' });
  return { h, dossier };
}

describe('backup transfer in chunks', () => {
  it('moves 60 MiB of attachments (six 10 MiB files) out and back in, no message over a fifth of the limit', async () => {
    const { h, dossier } = await withDossier();
    for (let i = 0; i < 6; i++) {
      await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: `scan-${i}.pdf`, type: 'application/pdf', base64: bytesToBase64(bytes(10 * MiB, i + 1)) });
    }
    const { json, chunks } = await exportJson(h);
    expect(json.length).toBeGreaterThan(80 * MiB);
    // What one message would have carried before: over the limit.
    expect(JSON.stringify({ ok: true, data: { json } }).length).toBeGreaterThan(MESSAGE_LIMIT);
    expect(chunks.length).toBeGreaterThanOrEqual(20);
    for (const chunk of chunks) expect(new TextEncoder().encode(JSON.stringify({ ok: true, data: { data: chunk } })).length).toBeLessThan(MESSAGE_LIMIT / 5);
    const files = async () => {
      const { progress } = await h.call('dossier:get', { id: dossier.id });
      const ids = progress.flatMap((p) => p.attachments.map((a) => a.id));
      return Promise.all(ids.map(async (id) => createHash('sha256').update((await h.call('attachment:get', { id })).base64).digest('hex')));
    };
    const before = { detail: await h.call('dossier:get', { id: dossier.id }), files: await files() };
    expect(before.files).toHaveLength(6);
    await h.call('data:wipe', { confirm: true });
    expect(await importJson(h, json)).toMatchObject({ dossiers: 1, attachments: 6 });
    expect({ detail: await h.call('dossier:get', { id: dossier.id }), files: await files() }).toEqual(before);
  }, 120_000);

  it('keeps characters outside the basic plane whole across chunk borders', () => {
    const text = '😀'.repeat(5);
    const pieces = splitText(text, 3);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length % 2 === 0)).toBe(true);
    expect(splitText('', 3)).toEqual([]);
    expect(splitText('x'.repeat(BACKUP_CHUNK_CHARS + 1)).map((p) => p.length)).toEqual([BACKUP_CHUNK_CHARS, 1]);
  });

  it('a transfer broken off (unknown, out of order, short, or idle too long) answers transfer-interrupted and changes nothing', async () => {
    const { h } = await withDossier();
    const { json } = await exportJson(h);
    const before = await h.snapshot();
    const interrupted = { ok: false, error: { code: 'backup.transfer-interrupted' } };
    expect(await h.raw({ type: 'backup:export-chunk', payload: { transfer: 'nope', index: 0 } })).toEqual(interrupted);
    const { transfer } = await h.call('backup:import-begin', { bytes: json.length });
    expect(await h.raw({ type: 'backup:import-chunk', payload: { transfer, index: 1, data: json } })).toEqual(interrupted);
    // An import's id cannot be used to read an export, nor an export's to write.
    expect(await h.raw({ type: 'backup:export-chunk', payload: { transfer, index: 0 } })).toEqual(interrupted);
    await h.call('backup:import-chunk', { transfer, index: 0, data: json.slice(0, 10) });
    expect(await h.raw({ type: 'backup:import-end', payload: { transfer, chunks: 2 } })).toEqual(interrupted);
    // The transfer is gone after its end, even a refused one.
    expect(await h.raw({ type: 'backup:import-end', payload: { transfer, chunks: 1 } })).toEqual(interrupted);
    const idle = await h.call('backup:export-begin', {});
    h.clock.now += 11 * 60_000;
    await h.call('backup:export-begin', {});
    expect(await h.raw({ type: 'backup:export-chunk', payload: { transfer: idle.transfer, index: 0 } })).toEqual(interrupted);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a file too large for the browser to read at once is refused before any of it is sent', async () => {
    const { h } = await withDossier();
    expect(await h.raw({ type: 'backup:import-begin', payload: { bytes: 2_000 * MiB } })).toEqual({ ok: false, error: { code: 'backup.too-large', params: { size: 2_000 * MiB } } });
  });

  it('a refused file reaches the user as its code, through the same chunks', async () => {
    const { h } = await withDossier();
    expect(await importReply(h, 'x'.repeat(BACKUP_CHUNK_CHARS * 2 + 5))).toEqual({ ok: false, error: { code: 'backup.not-json' } });
  });
});
