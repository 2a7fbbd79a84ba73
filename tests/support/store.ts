/**
 * Shared set-up for the background's unit tests: a small catalog that exercises every rule the store
 * applies (validity windows, capture kinds, a booking page, alternatives), a fresh database per test
 * on fake-indexeddb, and a way to call handlers exactly as the background does (through the router).
 */
import 'fake-indexeddb/auto';
import type { CompiledCatalog } from '../../src/catalog/compiled';
import { createServices } from '../../src/background';
import { route, type SenderInfo } from '../../src/messaging/router';
import type { ChangeNotice, MessageType, Reply, RequestOf, ResponseOf } from '../../src/messaging/protocol';
import { AppFailure } from '../../src/model/errors';
import { splitText } from '../../src/model/transfer';
import type { ImportCounts } from '../../src/model/views';
import { openCivicDB, Store, STORE_NAMES, type CivicDB, type StoreName } from '../../src/store/db';

const provenance = { provenance: ['seeds/000_95e31f5f4102b1f5.txt'], last_verified: '2026-11-23' };
const text = (fr: string) => ({ fr, en: fr });
const source = (id: string) => ({
  id,
  label: text(id),
  priority: 50,
  regions: ['brussels'],
  kind: 'online-request',
  delivery: 'instant-download',
  primary_actor: 'user',
  handoff: 'guided',
  agent_does: text('a'),
  user_does: text('u'),
  to_resume: text('r'),
  fallback_only: false,
  confirmed_by_user: false,
  ...provenance,
});

export const CATALOG = {
  format: 1,
  procedures: [
    {
      id: 'nationality',
      title: { fr: 'Déclaration de nationalité', en: 'Nationality declaration' },
      authority: text('commune'),
      legal_basis: 'CNB 12bis',
      regions: ['federal'],
      questions: [{ id: 'born-abroad', kind: 'boolean', label: text('born abroad?') }],
      eligibility: [],
      fees: [],
      delays: [],
      visits: [],
      notes: [],
      requirements: {
        id: 'root',
        allOf: [
          { id: 'id', artefact: 'id-copy' },
          {
            id: 'birth',
            label: { fr: 'Acte de naissance', en: 'Birth certificate' },
            when: { fact: 'born-abroad', equals: true },
            oneOf: [
              { id: 'birth-local', artefact: 'birth-certificate' },
              { id: 'birth-cgra', artefact: 'cgra-certificate' },
            ],
          },
          { id: 'residence', artefact: 'residence-history' },
        ],
      },
      ...provenance,
    },
  ],
  artefacts: [
    { id: 'id-copy', title: text('Copie de la carte'), description: text('d'), authority: text('a'), applies_to: text('x'), sources: [source('commune-desk')], ...provenance },
    {
      id: 'birth-certificate',
      title: text('Acte de naissance'),
      description: text('d'),
      authority: text('a'),
      applies_to: text('x'),
      validity: { issued_within: { months: 6 } },
      sources: [source('irisbox'), source('consulate')],
      ...provenance,
    },
    { id: 'cgra-certificate', title: text('Certificat CGRA'), description: text('d'), authority: text('a'), applies_to: text('x'), sources: [source('cgra')], ...provenance },
    {
      id: 'residence-history',
      title: text('Historique des adresses'),
      description: text('d'),
      authority: text('a'),
      applies_to: text('x'),
      validity: { issued_within: { months: 3 } },
      sources: [source('irisbox')],
      ...provenance,
    },
  ],
  portals: [{ id: 'irisbox', name: text('IRISbox'), operator: text('CIRB'), regions: ['brussels'], access: 'install', pages: ['irisbox-birth', 'irisbox-booking'], ...provenance }],
  pages: [
    {
      id: 'irisbox-birth',
      portal: 'irisbox',
      title: text('Acte de naissance'),
      hosts: ['irisbox.irisnet.be'],
      paths: ['/irisbox/birth/**'],
      role: 'service',
      serves: [
        { artefact: 'birth-certificate', source: 'irisbox' },
        { artefact: 'residence-history', source: 'irisbox' },
      ],
      capture: [
        { id: 'issued', label: text('date'), kind: 'date-of-issue' },
        { id: 'reference', label: text('ref'), kind: 'reference' },
        { id: 'nrn', label: text('NRN'), kind: 'national-register-number' },
      ],
      examples: ['https://irisbox.irisnet.be/irisbox/birth/form'],
      ...provenance,
    },
    {
      id: 'irisbox-booking',
      portal: 'irisbox',
      title: text('Rendez-vous'),
      hosts: ['*.irisnet.be'],
      paths: ['/booking', '/booking/**'],
      role: 'booking',
      serves: [],
      capture: [],
      examples: ['https://rdv.irisnet.be/booking'],
      ...provenance,
    },
  ],
  communes: [{ id: 'auderghem', nis: '21002', names: text('Auderghem'), region: 'brussels', languages: ['fr', 'nl'], postal_codes: ['1160'], booking: [], desks: [], fee_overrides: [], ...provenance }],
} as unknown as CompiledCatalog;

export const PAGE: SenderInfo = { fromExtensionPage: true };
export const BIRTH_TAB: SenderInfo = { fromExtensionPage: false, tabUrl: 'https://irisbox.irisnet.be/irisbox/birth/form?x=1', tabId: 7 };
export const BOOKING_TAB: SenderInfo = { fromExtensionPage: false, tabUrl: 'https://rdv.irisnet.be/booking', tabId: 8 };
export const OTHER_CATALOG_TAB: SenderInfo = { fromExtensionPage: false, tabUrl: 'https://irisbox.irisnet.be/irisbox/other', tabId: 9 };

let counter = 0;

export interface Harness {
  store: Store;
  notices: ChangeNotice[];
  dashboards: string[];
  clock: { now: number };
  /** Sends a message through the router, as the background's onMessage listener does; `null`: a sender that is not ours. */
  raw(message: unknown, sender?: SenderInfo | null): Promise<Reply>;
  /** Sends a typed message and returns its data, throwing the error of a refused one. */
  call<T extends MessageType>(type: T, payload: RequestOf<T>, sender?: SenderInfo): Promise<ResponseOf<T>>;
  /** Every record of every store, for "nothing changed" assertions. */
  snapshot(): Promise<Record<StoreName, unknown[]>>;
  db(): Promise<CivicDB>;
}

/** A backup exported as the dashboard does: begin, every chunk, end; the chunks joined are the file. */
export async function exportJson(h: Pick<Harness, 'call'>, sender?: SenderInfo): Promise<{ json: string; filename: string; chunks: string[] }> {
  const { transfer, chunks, filename } = await h.call('backup:export-begin', {}, sender);
  const pieces: string[] = [];
  for (let index = 0; index < chunks; index++) pieces.push((await h.call('backup:export-chunk', { transfer, index }, sender)).data);
  await h.call('backup:export-end', { transfer }, sender);
  return { json: pieces.join(''), filename, chunks: pieces };
}

/** A backup file imported as the dashboard does, in chunks; the last reply (import-end's, or the first refusal). */
export async function importReply(h: Pick<Harness, 'raw'>, json: string, sender?: SenderInfo): Promise<Reply> {
  const begun = await h.raw({ type: 'backup:import-begin', payload: { bytes: new TextEncoder().encode(json).length } }, sender);
  if (!begun.ok) return begun;
  const { transfer } = begun.data as { transfer: string };
  const chunks = splitText(json);
  for (const [index, data] of chunks.entries()) {
    const sent = await h.raw({ type: 'backup:import-chunk', payload: { transfer, index, data } }, sender);
    if (!sent.ok) return sent;
  }
  return h.raw({ type: 'backup:import-end', payload: { transfer, chunks: chunks.length } }, sender);
}

/** As importReply, returning the counts or throwing the refusal. */
export async function importJson(h: Pick<Harness, 'raw'>, json: string): Promise<ImportCounts> {
  const reply = await importReply(h, json);
  if (!reply.ok) throw new AppFailure(reply.error);
  return reply.data as ImportCounts;
}

export function harness(name = `test-${++counter}-${Math.random().toString(36).slice(2)}`): Harness {
  const store = new Store(name);
  const notices: ChangeNotice[] = [];
  const dashboards: string[] = [];
  const clock = { now: Date.UTC(2026, 10, 23, 12) };
  let ids = 0;
  const services = createServices({
    catalog: CATALOG,
    store,
    notify: (n) => notices.push(n),
    openDashboard: (q) => void dashboards.push(q),
    estimate: async () => ({ usage: 1, quota: 2, persisted: false }),
    languages: () => ['nl-BE'],
    now: () => clock.now++,
    newId: () => `id-${++ids}`,
  });
  const raw = (message: unknown, sender: SenderInfo | null = PAGE) => route(message, sender ?? undefined, services);
  return {
    store,
    notices,
    dashboards,
    clock,
    raw,
    async call(type, payload, sender = PAGE) {
      const reply = await raw({ type, payload }, sender);
      if (!reply.ok) throw new AppFailure(reply.error);
      return reply.data as never;
    },
    async snapshot() {
      const db = await openCivicDB(name);
      const out = {} as Record<StoreName, unknown[]>;
      for (const storeName of STORE_NAMES) {
        const records = await db.getAll(storeName);
        out[storeName] = await Promise.all(
          records.map(async (r) => (r && typeof r === 'object' && 'blob' in r ? { ...r, blob: [r.blob.type, [...new Uint8Array(await r.blob.arrayBuffer())]] } : r)),
        );
      }
      db.close();
      return out;
    },
    db: () => openCivicDB(name),
  };
}
