import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notGrantedNote, openDemo, presentDemo, walkDemo, type Demo, type WalkResult } from '../../demo/demo';
import { SAMPLE_LABEL } from '../../demo/sample';
import { STOPS } from '../../demo/stops';

/** What `npm start -- --headless` does after the build: the same functions, into a temporary folder. */
describe('npm start -- --headless', () => {
  let demo: Demo;
  let out: string;
  let result: WalkResult;
  const lines: string[] = [];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'be-civic-demo-output-'));
    demo = await openDemo({ headless: true, lang: 'en', log: (line) => lines.push(line) });
    result = await walkDemo(demo, out, (line) => lines.push(line));
  }, 90_000);
  afterAll(async () => {
    await demo?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes a screenshot of the welcome page, of every demo portal page with the panel on it, and of the dashboard', () => {
    const installed = STOPS.filter((s) => s.access !== 'on-demand');
    const expected = ['welcome', ...installed.map((s) => s.name), 'dashboard', 'dashboard-checklist'];
    expect(result.screenshots.map((f) => basename(f))).toEqual(expected.map((name, i) => `${String(i + 1).padStart(2, '0')}-${name}.png`));
    for (const file of result.screenshots) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
    }
    for (const stop of installed) expect(lines).toContain(`${new URL(stop.url).host}: the panel recognises ${stop.page}`);
  });

  it('shows no panel on a commune booking site the user has not allowed, and says why', () => {
    const onDemand = STOPS.filter((s) => s.access === 'on-demand');
    expect(onDemand.length).toBeGreaterThan(0);
    for (const stop of onDemand) expect(lines).toContain(notGrantedNote(stop, true));
  });

  it('writes the sample dossier’s PDF summary', () => {
    const text = execFileSync('pdftotext', ['-layout', result.pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(SAMPLE_LABEL);
    expect(text).toContain('Nationality declaration (article 12bis)');
    expect(text).toContain('Request number: DEMO-2026-0042');
    expect(text).toMatch(/Apostille on the foreign documents — Requested/);
  });

  it('at the window, opens every demo page in a tab and leaves the dashboard on the sample dossier', async () => {
    const dashboard = await presentDemo(demo);
    const urls = demo.context.pages().map((p) => p.url());
    for (const stop of STOPS) expect(urls).toContain(stop.url);
    expect(dashboard.url()).toBe(`chrome-extension://${demo.extensionId}/dashboard.html#dossier=${encodeURIComponent(demo.dossierId)}`);
    expect(await dashboard.getByRole('heading', { level: 1 }).textContent()).toBe(SAMPLE_LABEL);
  });

  it('stays offline: every request was a demo page or the extension', () => {
    expect(demo.stray).toEqual([]);
  });
});
