/**
 * What loading the catalog costs the two contexts that carry it, in Chromium on the built extension:
 * - the service worker's cold start to its first answer: the worker is stopped (DevTools protocol,
 *   ServiceWorker.stopAllWorkers), then an extension page sends one message and times the reply, which
 *   comes once the worker's script (the catalog included) has run and routed it;
 * - the dashboard's first render: from navigation start to the first element Preact puts into #app,
 *   observed from a script registered before the page's own.
 * Medians over many runs, reported, never asserted.
 */
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/support/harness';
import type { Bench, BenchResult } from './types';

/** The extension API as an extension page sees it (the pages run in Chromium, not in this Node process). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);

/** Any envelope the router refuses is answered too: the reply proves the worker ran its whole script. */
const PING = { type: 'bench:ping', payload: {} };

async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

async function workerColdStarts(session: Session, runs: number): Promise<number[]> {
  const page = await session.open(`chrome-extension://${session.extensionId}/welcome.html`);
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    await stopWorkers(page);
    // Let the stop land: a message sent into a stopping worker would be queued behind its shutdown.
    await page.waitForTimeout(300);
    const ms = await page.evaluate(async (ping) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage(ping);
      if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error(`no answer: ${JSON.stringify(reply)}`);
      return performance.now() - start;
    }, PING);
    // The first start after launch also compiles the script for the code cache: left out.
    if (i > 0) times.push(ms);
  }
  await page.close();
  return times;
}

/** The same message to a running worker: what is left of a cold start once the script has run. */
async function warmAnswers(session: Session, runs: number): Promise<number[]> {
  const page = await session.open(`chrome-extension://${session.extensionId}/welcome.html`);
  const times = await page.evaluate(
    async ({ ping, runs }) => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await chrome.runtime.sendMessage(ping);
        out.push(performance.now() - start);
      }
      return out;
    },
    { ping: PING, runs },
  );
  await page.close();
  return times;
}

/** Registered before the dashboard's own script: when #app first gets an element. */
const FIRST_RENDER = `
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app');
    if (app && app.firstElementChild) {
      globalThis.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function dashboardFirstRenders(session: Session, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await session.context.newPage();
    await page.addInitScript(FIRST_RENDER);
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    const ms = await page.waitForFunction(() => (globalThis as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 10_000 });
    if (i > 0) times.push(Number(await ms.jsonValue()));
    await page.close();
  }
  return times;
}

const bench: Bench = async ({ quick }) => {
  const runs = quick ? 3 : 30;
  const session = await launch();
  try {
    const cold = await workerColdStarts(session, runs);
    const warm = await warmAnswers(session, runs);
    const render = await dashboardFirstRenders(session, runs);
    const results: BenchResult[] = [
      { name: 'service worker cold start to its first answer (Chromium)', value: Number(median(cold).toFixed(1)), unit: 'ms', detail: { max: max(cold).toFixed(1), runs, 'warm worker': median(warm).toFixed(1) } },
      { name: 'dashboard first render, navigation start to first element (Chromium)', value: Number(median(render).toFixed(1)), unit: 'ms', detail: { max: max(render).toFixed(1), runs } },
    ];
    return results;
  } finally {
    await session.close();
  }
};
export default bench;
