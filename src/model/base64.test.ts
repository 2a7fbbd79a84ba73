import { describe, expect, it } from 'vitest';
import { harness } from '../../tests/support/store';
import { base64ToBytes, bytesToBase64 } from './base64';

/** The dashboard's largest attachment: 10 MiB, every byte value, not a repeated pattern. */
function tenMegabytes(): Uint8Array {
  const bytes = new Uint8Array(10 * 1024 * 1024);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

describe('base64', () => {
  it('round-trips 10 MiB exactly (the regular expression it replaces overflowed the stack from ~3.3 MB)', () => {
    const bytes = tenMegabytes();
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(13_981_016);
    const back = base64ToBytes(text);
    expect(back?.length).toBe(bytes.length);
    expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
    // The pattern used before, on the same text: the proof that the check itself was the limit.
    const before = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    expect(() => before.test(text)).toThrow(RangeError);
  });

  it('refuses what is not padded base64, wherever the fault is', () => {
    expect(base64ToBytes('')).toEqual(new Uint8Array());
    expect(base64ToBytes('QQ==')).toEqual(new Uint8Array([65]));
    expect(base64ToBytes('QUI=')).toEqual(new Uint8Array([65, 66]));
    for (const bad of ['Q', 'QQ=', 'QQ===', '====', 'A===', 'Q=Q=', 'QUJD!', 'QUJD QUJD', 'QUJDé===', 'QU\nJ', '=QUJ']) expect(base64ToBytes(bad), bad).toBeUndefined();
    const big = bytesToBase64(tenMegabytes());
    expect(base64ToBytes(`${big.slice(0, 7_000_000)}*${big.slice(7_000_001)}`)).toBeUndefined();
  });

  it('a 10 MiB attachment goes through attachment:add and comes back whole', async () => {
    const h = harness();
    const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    const base64 = bytesToBase64(tenMegabytes());
    const saved = await h.call('attachment:add', { dossierId: dossier.id, artefact: 'id-copy', name: 'scan.pdf', type: 'application/pdf', base64 });
    expect(saved.attachments[0]?.size).toBe(10 * 1024 * 1024);
    expect((await h.call('attachment:get', { id: saved.attachments[0]!.id })).base64 === base64).toBe(true);
  });
});
