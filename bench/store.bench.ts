/**
 * Store figures measured in a real Chromium through the built extension (not fake-indexeddb): the
 * round trip of a status change from an extension page (message → service worker → one IndexedDB
 * transaction with its history entry → answer), and the time to load a dossier whose history holds
 * 1,000 entries (dossier:get: the dossier, its progress, appointments and full history). A message that
 * touches no storage is timed too, as the baseline of the messaging itself.
 */
import type { Page } from 'playwright-core';
import { launch } from '../tests/support/harness';
import type { Bench, BenchResult } from './types';

/** The extension API as an extension page sees it (the pages run in Chromium, not in this Node process). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<any>; onMessage: { addListener(listener: (message: unknown) => void): void } };
};

const PROCEDURE = 'nationality-declaration-12bis';
const ARTEFACT = 'id-card-certified-copy';
const STATUSES = ['not-started', 'in-progress', 'requested', 'obtained', 'submitted'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times `runs` sequential round trips of one message from the page, in ms. */
function timeMessages(page: Page, messages: Array<{ type: string; payload: unknown }>): Promise<number[]> {
  return page.evaluate(async (messages) => {
    const times: number[] = [];
    for (const message of messages) {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage(message);
      times.push(performance.now() - start);
      if (!reply?.ok) throw new Error(`${message.type}: ${reply?.error}`);
    }
    return times;
  }, messages);
}

/** A backup holding one dossier with `entries` history entries, as a long-running dossier accumulates them. */
function backupWithHistory(entries: number): string {
  const at = Date.UTC(2026, 0, 1);
  const dossier = { id: 'bench', procedure: PROCEDURE, label: 'Bench', answers: {}, choices: {}, lang: 'en', createdAt: at, updatedAt: at };
  const history = Array.from({ length: entries }, (_, i) => {
    const record = (s: number) => ({ dossierId: 'bench', artefact: ARTEFACT, status: STATUSES[s % STATUSES.length], captured: { reference: { value: `REF-${i}`, capturedAt: at + i } }, notes: `Step ${i}: called the commune, waiting for the answer.`, attachments: [], updatedAt: at + i });
    return { id: i + 1, dossierId: 'bench', at: at + i, store: 'progress', key: `bench/${ARTEFACT}`, before: i ? record(i - 1) : null, after: record(i) };
  });
  return JSON.stringify({
    format: 'be-civic-backup',
    version: 1,
    exportedAt: at,
    settings: { panelCollapsed: {}, keepNationalRegisterNumber: false, notifications: false },
    dossiers: [dossier],
    progress: [history.at(-1)!.after],
    appointments: [],
    history,
    attachments: [],
  });
}

const bench: Bench = async ({ quick }) => {
  const session = await launch();
  try {
    // The welcome page, not the dashboard: the dashboard re-reads on every change and would be measured too.
    const page = await session.open(`chrome-extension://${session.extensionId}/welcome.html`);
    const create = await page.evaluate(
      (procedure) => chrome.runtime.sendMessage({ type: 'dossier:create', payload: { procedure, label: 'Me', answers: {}, choices: {}, lang: 'en' } }),
      PROCEDURE,
    );
    const dossierId = create.data.id as string;
    const writes = quick ? 20 : 300;
    const statusChange = (i: number) => ({ type: 'progress:set-status', payload: { dossierId, artefact: ARTEFACT, status: STATUSES[i % STATUSES.length] } });
    await timeMessages(page, Array.from({ length: 20 }, (_, i) => statusChange(i)));
    const write = (await timeMessages(page, Array.from({ length: writes }, (_, i) => statusChange(i)))).sort((x, y) => x - y);
    // The same round trip without storage, to tell the messaging cost from the database's.
    const baseline = (await timeMessages(page, Array.from({ length: writes }, () => ({ type: 'panel:strings', payload: { lang: 'en' } })))).sort((x, y) => x - y);

    const entries = 1_000;
    // The backup fits one chunk of the import (src/model/transfer.ts).
    const imported = await page.evaluate(async (json) => {
      const begun = await chrome.runtime.sendMessage({ type: 'backup:import-begin', payload: { bytes: json.length } });
      if (!begun.ok) return begun;
      const sent = await chrome.runtime.sendMessage({ type: 'backup:import-chunk', payload: { transfer: begun.data.transfer, index: 0, data: json } });
      return sent.ok ? chrome.runtime.sendMessage({ type: 'backup:import-end', payload: { transfer: begun.data.transfer, chunks: 1 } }) : sent;
    }, backupWithHistory(entries));
    if (!imported.ok || imported.data.history !== entries) throw new Error(`import failed: ${JSON.stringify(imported).slice(0, 200)}`);
    const loads = quick ? 3 : 30;
    const load = (await timeMessages(page, Array.from({ length: loads + 2 }, () => ({ type: 'dossier:get', payload: { id: 'bench' } })))).slice(2).sort((x, y) => x - y);
    const results: BenchResult[] = [
      { name: 'status change round trip (Chromium, extension page → worker → IndexedDB)', value: percentile(write, 50), unit: 'ms', detail: { p95: +percentile(write, 95).toFixed(2), samples: write.length } },
      { name: 'message round trip without storage (Chromium, panel:strings, baseline)', value: percentile(baseline, 50), unit: 'ms', detail: { p95: +percentile(baseline, 95).toFixed(2), samples: baseline.length } },
      { name: `load a dossier with ${entries.toLocaleString('en')} history entries (Chromium, dossier:get)`, value: percentile(load, 50), unit: 'ms', detail: { p95: +percentile(load, 95).toFixed(2), samples: load.length } },
    ];
    return results;
  } finally {
    await session.close();
  }
};
export default bench;
