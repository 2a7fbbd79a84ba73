/**
 * Issue 16's three dossiers built through the set-up UI of the built extension, in English — a
 * Moroccan-born nationality declarant (12bis §1 2°) in Auderghem, an Italian employee's first
 * registration in Auderghem (three applicants), a Belgian in Luxembourg renewing an eID at the
 * consulate — starting from "What do you want to do?"; their screens (only fitting route chosen, the
 * checklist folded, the visits and delays) and their PDFs read back with pdftotext: the visits, delays,
 * fees per applicant and human source names, and no internal wording.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { flagged } from '../support/wording';
import { launch, type Session } from '../support/harness';
import { panelReady } from '../support/panel-support';

const downloads = mkdtempSync(join(tmpdir(), 'be-civic-guidance-'));
/** Screenshots for the lead's note, when asked for (BE_CIVIC_SHOTS=dir). */
const shots = process.env.BE_CIVIC_SHOTS;

type Answer = string | number | boolean;

/** Answers each question by what the user sees: the radio's label, the country, the number typed. */
async function answer(page: Page, procedureId: string, answers: Record<string, Answer>) {
  const procedure = catalog.procedures.find((p) => p.id === procedureId)!;
  for (let round = 0; round < 20; round++) {
    const shown = await page.locator('[data-question]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.question!));
    const question = procedure.questions.find((q) => shown.includes(q.id) && answers[q.id] !== undefined && !done.has(q.id));
    if (!question) return;
    const value = answers[question.id]!;
    const box = page.locator(`[data-question="${question.id}"]`);
    if (question.kind === 'boolean') await box.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
    else if (question.kind === 'choice') await box.getByRole('radio', { name: question.choices!.find((c) => c.id === value)!.label.en!, exact: true }).check();
    else if (question.kind === 'country') await box.locator('select').selectOption(String(value));
    else await box.locator('input').fill(String(value));
    done.add(question.id);
  }
  throw new Error('the set-up kept asking');
}
const done = new Set<string>();

async function setUp(page: Page, session: Session, intent: string, setup: { procedure?: string; label: string; commune?: string; country?: string; answers: Record<string, Answer> }) {
  done.clear();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html#setup`);
  await page.getByRole('group', { name: 'What do you want to do?' }).waitFor();
  await page.getByRole('radio', { name: intent, exact: true }).check();
  const procedure = page.getByLabel('Which of these is yours?');
  if (setup.procedure) await procedure.selectOption(setup.procedure);
  const chosen = await procedure.inputValue();
  await page.getByLabel('Whose dossier is it?').fill(setup.label);
  if (setup.commune) await page.getByLabel('Commune', { exact: true }).selectOption(setup.commune);
  if (setup.country) await page.getByLabel('Country that issued your foreign documents').selectOption(setup.country);
  await answer(page, chosen, setup.answers);
  return chosen;
}

async function create(page: Page, label: string) {
  await page.getByRole('button', { name: 'Create the dossier' }).click();
  await page.waitForURL(/#dossier=/);
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

async function pdfOf(page: Page): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  if (shots) execFileSync('pdftotext', ['-enc', 'UTF-8', path, join(shots, `h16ui-${file.suggestedFilename()}.txt`)]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** Lines of the PDF that a person would read as a note meant for developers or a file name. */
const internal = (text: string) => text.split('\n').filter((line) => flagged(line).length > 0);

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('guidance an applicant can act on', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
    page = await session.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('12bis §1 2°, born in Morocco, in Auderghem: the only route chosen, the checklist folded, the desk copy complete', async () => {
    const chosen = await setUp(page, session, 'Become Belgian', {
      procedure: 'nationality-declaration-12bis',
      label: 'Amira',
      commune: 'auderghem',
      answers: {
        age: 34,
        'born-in-belgium': false,
        'years-legal-residence': 6,
        'unlimited-stay': true,
        'married-to-belgian': false,
        'parent-of-belgian-minor': false,
        'cannot-work': 'no',
        'has-foreign-documents': true,
        'country-of-issue': 'MA',
        'documents-language': 'other',
      },
    });
    expect(chosen).toBe('nationality-declaration-12bis');
    // The question lists what the requirement accepts, E and F cards included.
    expect(await page.locator('[data-accepts="unlimited-stay"]').textContent()).toMatch(/Accepted: .*\bF\b.*\bE\b/);
    expect(await page.locator('[data-route="para-2"]').getAttribute('data-state')).toBe('fits');
    expect(await page.locator('[data-route="para-2"] [data-testid="only-fit"]').textContent()).toBe('The only route that fits your answers: Be Civic chose it for you.');
    expect(await axe(page)).toEqual([]);
    await create(page, 'Amira');

    // One card per document; the other ways folded, closed, reachable by keyboard.
    const cards = await page.locator('.checklist .item[data-artefact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-artefact')));
    expect(new Set(cards).size).toBe(cards.length);
    expect(cards).toContain('foreign-birth-certificate');
    const folded = page.locator('.checklist details.other-ways').first();
    expect(await folded.getAttribute('open')).toBeNull();
    await folded.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await folded.getAttribute('open')).toBe('');
    await page.keyboard.press('Enter');
    const copy = page.locator('.item[data-artefact="id-card-certified-copy"]');
    expect(await copy.locator('.pre-step').textContent()).toMatch(/^Pre-step/);
    expect(await copy.locator('.only-commune').textContent()).toContain('Only the commune');
    expect(await page.locator('.item[data-artefact="secondary-diploma"] .proves').textContent()).toMatch(/^One document for: .+ and .+/);
    // The 12bis desk brings the whole file.
    expect(await page.locator('article.visit[data-visit] .bring li').count()).toBe(9);
    expect(await axe(page)).toEqual([]);
    if (shots) {
      await page.locator('section[aria-labelledby="checklist-title"]').screenshot({ path: join(shots, 'h16ui-checklist.png') });
      await page.locator('section[aria-labelledby="delays-title"], section[aria-labelledby="fees-title"]').first().screenshot({ path: join(shots, 'h16ui-delays.png') });
    }

    const text = await pdfOf(page);
    expect(text).toContain('Who must come');
    expect(text).toMatch(/What to bring/);
    expect(text).toContain(`☐ ${catalog.artefacts.find((a) => a.id === 'foreign-birth-certificate')!.title.en}`);
    expect(text).toMatch(/Other ways? to prove this \(\d+\)/);
    expect(text).toContain('Pre-step (');
    expect(text).toContain('Only the commune can issue or stamp it');
    expect(text).toMatch(/One document for: .+ and /);
    expect(text).toContain('CeRAIC / CIMB');
    expect(internal(text)).toEqual([]);
  });

  it('an Italian employee registering in Auderghem with two others: per-person fees, exact, once; the 3-month deadline; no translation advice', async () => {
    await setUp(page, session, 'Register in Belgium as an EU citizen', { label: 'Marco', commune: 'auderghem', country: 'IT', answers: { 'eu-status': 'employee', applicants: 3 } });
    await create(page, 'Marco');
    const fees = page.getByRole('region', { name: 'Fees' });
    expect(await fees.textContent()).toMatch(/€25\.00 per person × 3/);
    expect(await page.getByTestId('fee-total').textContent()).toBe('€102.20');
    expect(await fees.textContent()).toContain('exact total');
    // Fees are said once: not under the visits.
    expect(await page.locator('article.visit').filter({ hasText: '€' }).count()).toBe(0);
    expect(await page.locator('.checklist .rules').count()).toBe(0);
    const text = await pdfOf(page);
    expect(text).toMatch(/€25\.00 per person × 3/);
    expect(text).toMatch(/Total: €102\.20 — exact total/);
    expect(text.match(/€102\.20/g)).toHaveLength(1);
    expect(text).toMatch(/3 months/);
    expect(text).toContain('Who must come');
    expect(text).not.toMatch(/sworn translat/i);
    expect(text).toMatch(/Auderghem/);
    expect(internal(text)).toEqual([]);
  });

  it('a Belgian in Luxembourg renewing an eID at the consulate: delays, notes and visits without a commune, booked with the consulate', async () => {
    await setUp(page, session, 'Renew my identity card', { procedure: 'eid-abroad-luxembourg', label: 'Luc', answers: { 'previous-card': 'have-it' } });
    await create(page, 'Luc');
    const delays = page.getByRole('region', { name: 'How long it takes' });
    expect(await delays.textContent()).toMatch(/about 2 weeks/);
    expect(await delays.textContent()).toMatch(/6 months/);
    const desk = page.getByRole('region', { name: 'Book an appointment' });
    expect(await desk.locator('article.visit').count()).toBeGreaterThan(0);
    expect(await desk.getByRole('link', { name: 'Book online' }).first().getAttribute('href')).toMatch(/^https:\/\//);
    expect(await axe(page)).toEqual([]);
    const text = await pdfOf(page);
    expect(text).toContain('How long it takes');
    expect(text).toMatch(/about 2 weeks/);
    expect(text).toContain('Good to know');
    expect(text).toMatch(/30 years/);
    expect(text).toContain('Who must come');
    const consulateId = catalog.procedures.find((p) => p.id === 'eid-abroad-luxembourg')!.consulate!;
    const consulatePage = catalog.consulates!.find((c) => c.id === consulateId)!.booking.find((c) => c.kind === 'online')!;
    // A long address wraps onto its own line.
    expect(text.replace(/Online:\s+/g, 'Online: ')).toContain(`Online: ${consulatePage.value}`);
    expect(text).toMatch(/Consulat|consulate/i);
    expect(internal(text)).toEqual([]);
  });

  it('an impossible date is said, in the UI language, and nothing is saved', async () => {
    const id = await page.locator('.checklist input[type=date]').first().getAttribute('id');
    const issued = page.locator(`[id="${id}"]`);
    await issued.evaluate((el: HTMLInputElement) => {
      // Chromium's date input refuses to hold an impossible date: what a text box would keep is typed instead.
      el.type = 'text';
      el.value = '2026-02-30';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => issued.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${id}-error"]`).textContent()).toBe('This date is not valid: write a real day, month and year.');
  });

  it('the panel leads with what to do here, says the page once, in one voice', async () => {
    // my.belgium.be serves no document (a pre-step only): the certificates page of Mon dossier does.
    await session.serve('https://mondossier.rrn.fgov.be/**', { fixture: 'mon-dossier.html' });
    const portal = await session.open('https://mondossier.rrn.fgov.be/fr/certificats.do');
    const view = await panelReady(portal);
    expect(view.text).not.toContain('Mon dossier — Mon dossier');
    expect(view.text).toMatch(/certificates\s*What you do here:/);
    expect(view.text).not.toMatch(/Be Civic (does|never|will|read)/);
    if (shots) await portal.screenshot({ path: join(shots, 'h16ui-panel.png') });
    await portal.close();
  });

  it('made no network request', () => {
    expect(session.stray).toEqual([]);
  });
});
