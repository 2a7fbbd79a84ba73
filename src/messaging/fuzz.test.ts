/**
 * Thousands of malformed and hostile messages through the real router and handlers, from every kind
 * of sender: each gets an `{ ok: false, error }` answer (never a crash, never a hang) and the database
 * is byte-for-byte what it was.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL, type MessageType } from './protocol';
import { BIRTH_TAB, BOOKING_TAB, PAGE, harness } from '../../tests/support/store';
import type { SenderInfo } from './router';
import { isAppError } from '../model/errors';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = Object.keys(PROTOCOL) as MessageType[];

function junk(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 14);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return r() < 0.5;
    case 3: return Math.floor((r() - 0.5) * 1e6);
    case 4: return [NaN, Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2][Math.floor(r() * 5)];
    case 5: return '';
    case 6: return 'x'.repeat(Math.floor(r() * 300));
    case 7: return ['__proto__', 'constructor', '<img src=x onerror=alert(1)>', '../../etc', '\u0000', '🇧🇪'][Math.floor(r() * 6)];
    case 8: return TYPES[Math.floor(r() * TYPES.length)];
    case 9: return depth > 3 ? {} : Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    case 10: return depth > 3 ? [] : Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, () => [String(junk(r, 9)), junk(r, depth + 1)]));
    case 11: return JSON.parse('{"__proto__": {"polluted": true}, "type": "data:wipe"}');
    case 12: return new Date(0);
    default: return 'id-1';
  }
}

/** Valid messages for every type, so mutations start close to something that would be accepted. */
function validPayloads(dossierId: string): Record<MessageType, unknown> {
  const ref = { dossierId, artefact: 'birth-certificate' };
  return {
    'page:describe': { page: 'irisbox-birth', lang: 'fr' },
    'page:state': { page: 'irisbox-birth' },
    'panel:strings': { lang: 'fr' },
    'panel:collapse': { collapsed: true },
    'booking:read': { text: 'Rendez-vous le 3 mars 2026 à 9h05' },
    'dashboard:open': { setup: true },
    'progress:set-status': { ...ref, status: 'obtained' },
    'progress:capture': { ...ref, field: 'reference', value: 'R' },
    'progress:update': { ...ref, patch: { status: 'obtained' } },
    'attachment:add': { ...ref, name: 'a', type: 'text/plain', base64: 'aGk=' },
    'attachment:get': { id: 'x' },
    'attachment:remove': { ...ref, id: 'x' },
    'dossier:list': {},
    'dossier:get': { id: dossierId },
    'dossier:create': { procedure: 'nationality', label: 'x', answers: {}, choices: {}, lang: 'fr' },
    'dossier:update': { id: dossierId, patch: { label: 'y' } },
    'dossier:delete': { id: dossierId },
    'appointment:save': { id: 'a', dossierId, service: 's', start: '2026-12-01T09:30' },
    'appointment:delete': { id: 'a' },
    'history:undo': { dossierId },
    'settings:get': {},
    'settings:update': { lang: 'fr' },
    'storage:estimate': {},
    'store:status': {},
    'backup:export-begin': {},
    'backup:export-chunk': { transfer: 't', index: 0 },
    'backup:export-end': { transfer: 't' },
    'backup:import-begin': { bytes: 2 },
    'backup:import-chunk': { transfer: 't', index: 0, data: '{}' },
    'backup:import-end': { transfer: 't', chunks: 1 },
    'data:wipe': { confirm: true },
  };
}

/** Mutations that make any valid payload invalid: every request schema is a strict object with a required or typed field. */
function breakPayload(r: () => number, payload: unknown): unknown {
  const kind = Math.floor(r() * 6);
  if (kind === 0) return [null, 42, 'text', true, NaN][Math.floor(r() * 5)];
  if (kind === 1 || typeof payload !== 'object' || payload === null) return [payload];
  if (kind === 2) return { ...(payload as object), ['extra' + Math.floor(r() * 100)]: junk(r) };
  const keys = Object.keys(payload);
  if (keys.length === 0) return { unexpected: true };
  const key = keys[Math.floor(r() * keys.length)]!;
  // Replace a field by a value of another type (objects and strings never stand in for each other).
  const value = (payload as Record<string, unknown>)[key];
  const swapped = typeof value === 'string' ? [Math.floor(r() * 1e6), null, {}, [], true][Math.floor(r() * 5)] : typeof value === 'object' ? 'text' : typeof value === 'boolean' ? 'yes' : {};
  return { ...(payload as object), [key]: swapped };
}

/** A junk type with some other type's payload; when the junk happens to name a real type, its payload is broken. */
function randomType(r: () => number, valid: Record<MessageType, unknown>, other: MessageType) {
  const type = junk(r);
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type) ? { type, payload: breakPayload(r, valid[type as MessageType]) } : { type, payload: valid[other] };
}

const SENDERS: Array<SenderInfo | null> = [PAGE, BIRTH_TAB, BOOKING_TAB, { fromExtensionPage: false, tabUrl: 'https://evil.example/irisbox/birth/form' }, { fromExtensionPage: false }, null];

describe('protocol fuzz', () => {
  it('answers thousands of malformed messages with an error and writes nothing', async () => {
    const h = harness();
    const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: { 'born-abroad': true }, choices: {}, lang: 'fr' });
    await h.call('progress:set-status', { dossierId: dossier.id, artefact: 'birth-certificate', status: 'requested' });
    const before = await h.snapshot();
    const noticesBefore = h.notices.length;
    const r = rng(20261123);
    const valid = validPayloads(dossier.id);
    let count = 0;
    for (let i = 0; i < 4000; i++) {
      const type = TYPES[Math.floor(r() * TYPES.length)]!;
      const shape = Math.floor(r() * 4);
      const message =
        shape === 0 ? junk(r)
        : shape === 1 ? randomType(r, valid, type)
        : shape === 2 ? { type, payload: breakPayload(r, valid[type]) }
        : { type: type.toUpperCase(), payload: valid[type], extra: junk(r) };
      const sender = SENDERS[Math.floor(r() * SENDERS.length)];
      const reply = await h.raw(message, sender);
      expect(reply.ok, JSON.stringify(message)?.slice(0, 200)).toBe(false);
      // A declared code the screens can translate, and never `internal`: a malformed message is not a crash.
      if (!reply.ok) expect(isAppError(reply.error) && reply.error.code !== 'internal', JSON.stringify(reply.error)).toBe(true);
      count++;
    }
    expect(count).toBe(4000);
    expect(await h.snapshot()).toEqual(before);
    expect(h.notices.length).toBe(noticesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses well-formed messages from senders that may not send them, writing nothing', async () => {
    const h = harness();
    const dossier = await h.call('dossier:create', { procedure: 'nationality', label: 'Me', answers: {}, choices: {}, lang: 'fr' });
    const before = await h.snapshot();
    const valid = validPayloads(dossier.id);
    const pageOnly = TYPES.filter((t) => PROTOCOL[t].from === 'page');
    for (const type of TYPES) {
      for (const sender of [{ fromExtensionPage: false, tabUrl: 'https://evil.example/' }, { fromExtensionPage: false }, null] as Array<SenderInfo | null>) {
        expect((await h.raw({ type, payload: valid[type] }, sender)).ok, `${type} from ${JSON.stringify(sender)}`).toBe(false);
      }
    }
    for (const type of pageOnly) expect((await h.raw({ type, payload: valid[type] }, BIRTH_TAB)).ok, type).toBe(false);
    expect(await h.snapshot()).toEqual(before);
  });
});
