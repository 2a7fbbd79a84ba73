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

async function workerColdStarts(session: Session, runs: number): Promise<{ times: number[]; first: number }> {
  const page = await session.open(`chrome-extension://${session.extensionId}/welcome.html`);
  const times: number[] = [];
  let first = NaN;
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
    // The first restart after launch may still compile the script for the code cache: reported apart.
    if (i > 0) times.push(ms);
    else first = ms;
  }
  await page.close();
  return { times, first };
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

/** Wall time to the first render, and the page's script time (CPU, less shaken by other processes). */
async function dashboardFirstRenders(session: Session, runs: number): Promise<{ wall: number[]; script: number[] }> {
  const wall: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await session.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.addInitScript(FIRST_RENDER);
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    const ms = await page.waitForFunction(() => (globalThis as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 10_000 });
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    if (i > 0) {
      wall.push(Number(await ms.jsonValue()));
      script.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000);
    }
    await cdp.detach();
    await page.close();
  }
  return { wall, script };
}

const bench: Bench = async ({ quick }) => {
  const runs = quick ? 3 : Number(process.env.BENCH_RUNS ?? 30);
  const session = await launch();
  try {
    const cold = await workerColdStarts(session, runs);
    const warm = await warmAnswers(session, runs);
    const render = await dashboardFirstRenders(session, runs);
    const results: BenchResult[] = [
      { name: 'service worker cold start to its first answer (Chromium)', value: Number(median(cold.times).toFixed(1)), unit: 'ms', detail: { max: max(cold.times).toFixed(1), runs, 'first restart': cold.first.toFixed(1), 'warm worker': median(warm).toFixed(1) } },
      {
        name: 'dashboard first render, navigation start to first element (Chromium)',
        value: Number(median(render.wall).toFixed(1)),
        unit: 'ms',
        detail: { max: max(render.wall).toFixed(1), runs, 'script time to then (ms)': median(render.script).toFixed(1) },
      },
    ];
    return results;
  } finally {
    await session.close();
  }
};
export default bench;
