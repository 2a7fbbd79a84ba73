import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../support/harness';

/**
 * The dashboard in the built extension, in French: a dossier set up through the catalog's questions,
 * statuses changed and undone, the national register number kept (opt-in) and masked, an appointment
 * exported as .ics, and the PDF summary read back with pdftotext.
 */
const downloads = mkdtempSync(join(tmpdir(), 'be-civic-downloads-'));

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A person born in Belgium who always lived here (12bis §1 1°), with a marriage record from Poland.
 * Radio answers are the labels shown; any question the catalog adds later gets its first choice or 10.
 */
const ANSWERS: Record<string, string> = {
  age: '30',
  'born-in-belgium': 'Oui',
  'resided-since-birth': 'Oui',
  'years-legal-residence': '30',
  'unlimited-stay': 'Oui',
  'married-to-belgian': 'Non',
  'parent-of-belgian-minor': 'Non',
  'cannot-work': 'Non',
  paragraph: 'Né(e) en Belgique et y ayant toujours vécu (§1 1°)',
  'has-foreign-documents': 'Oui',
  'country-of-issue': 'PL',
  'documents-language': 'Une autre langue',
};

async function answerEverything(page: Page) {
  for (let round = 0; round < 30; round++) {
    const pending = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-question]')]
        .filter((el) => {
          const radios = el.querySelectorAll<HTMLInputElement>('input[type=radio]');
          if (radios.length) return ![...radios].some((r) => r.checked);
          const control = el.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
          return control !== null && control.value === '';
        })
        .map((el) => el.dataset.question!),
    );
    const id = pending[0];
    if (!id) return;
    const question = page.locator(`[data-question="${id}"]`);
    const wanted = ANSWERS[id];
    if ((await question.locator('input[type=radio]').count()) > 0) {
      await (wanted ? question.getByRole('radio', { name: wanted, exact: true }) : question.getByRole('radio').first()).check();
    } else if ((await question.locator('select').count()) > 0) {
      await question.locator('select').selectOption(wanted ?? 'PL');
    } else {
      const input = question.locator('input');
      await input.fill(wanted ?? ((await input.getAttribute('type')) === 'date' ? '2020-01-01' : '10'));
    }
  }
  throw new Error('the set-up kept asking questions');
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('dossier dashboard', () => {
  let session: Session;
  let page: Page;
  let dossierUrl = '';
  beforeAll(async () => {
    session = await launch({ locale: 'fr-BE' });
    page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html#setup`);
    await page.getByRole('heading', { level: 1, name: 'Créer un dossier' }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('sets up a dossier through the plain questions, with the paragraphs that fit and why the others do not', async () => {
    // "Que voulez-vous faire ?" first; the full list of procedures stays one click away.
    await page.getByRole('radio', { name: 'Devenir Belge', exact: true }).check();
    await page.getByLabel('Laquelle est la vôtre ?').selectOption('nationality-declaration-12bis');
    await page.getByLabel('À qui est ce dossier ?').fill('Łukasz Wałęsa');
    await page.getByLabel('Commune', { exact: true }).selectOption('auderghem');
    await page.getByLabel('Date de dépôt prévue (facultatif)').fill('2027-01-15');
    await answerEverything(page);
    // The country decided the authentication rule (Poland: EU, exempt) without asking.
    expect(await page.getByRole('radio', { name: 'Dispense (Convention de Bruxelles, 1987)' }).isChecked()).toBe(true);
    const rules = page.getByRole('region', { name: /Documents délivrés à l’étranger — Pologne/ });
    expect(await rules.textContent()).toContain('Ni légalisation ni apostille');
    expect(await rules.textContent()).toContain('Traduction par un traducteur juré');

    const state = (route: string) => page.locator(`[data-route="${route}"]`).getAttribute('data-state');
    expect(await Promise.all(['para-1', 'para-2', 'para-3', 'para-4', 'para-5'].map(state))).toEqual(['fits', 'fits', 'rejected', 'rejected', 'fits']);
    expect(await page.locator('[data-route="para-1"]').textContent()).toContain('(votre choix)');
    const para3 = await page.locator('[data-route="para-3"]').textContent();
    expect(para3).toContain('Êtes-vous marié(e) à une personne belge ? — votre réponse : Non; il faut : Oui');
    expect(para3).toContain('Êtes-vous le parent d’un enfant belge de moins de 18 ans ? — votre réponse : Non; il faut : Oui');
    expect(await page.locator('[data-route="para-4"]').textContent()).toContain('Quel âge avez-vous ? — votre réponse : 30; il faut au moins 65');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.waitForURL(/#dossier=/);
    dossierUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Łukasz Wałęsa' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Dossier « Łukasz Wałęsa » créé.');
  });

  it('changes statuses, choices and dates from the checklist; an old document stands out; undo reverts', async () => {
    // Born in Belgium: the Belgian birth record is the way shown, the others folded behind a disclosure.
    const birth = page.locator('li.item[data-artefact="birth-certificate-copy-belgium"]');
    await birth.waitFor();
    expect(await page.locator('li.requirement').filter({ has: birth }).locator('details.other-ways summary').count()).toBeLessThanOrEqual(1);
    await birth.getByLabel('Statut').selectOption('obtained');
    await expect.poll(() => birth.getAttribute('data-status')).toBe('obtained');
    await birth.getByLabel('Date de délivrance').fill('2026-03-15');
    await birth.getByLabel('Date de délivrance').blur();
    await expect.poll(() => birth.getAttribute('class')).toContain('expired');
    expect(await birth.locator('.stale').textContent()).toContain('Plus valable le 15 janvier 2027 (fin le 14 juin 2026)');
    expect(await page.getByRole('region', { name: 'Ce qu’il reste à faire' }).textContent()).toContain('Plus valable le 15 janvier 2027');

    const card = page.locator('li.item[data-artefact="id-card-certified-copy"]');
    await card.getByLabel('Statut').selectOption('requested');
    await expect.poll(() => card.getAttribute('data-status')).toBe('requested');
    // The certified copy: my.belgium.be is only the pre-step, the commune stamps it at the desk (its booking
    // site is http-only, so no link is offered as the next step).
    expect(await card.locator('.pre-step').textContent()).toMatch(/^Étape préalable/);
    expect(await card.locator('.only-commune').textContent()).toContain('Seule la commune');
    expect(await card.locator('.next').textContent()).toMatch(/Prochaine étape/);

    await card.getByLabel('Statut').selectOption('submitted');
    await expect.poll(() => card.getAttribute('data-status')).toBe('submitted');
    await page.getByRole('button', { name: 'Annuler la dernière modification' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('requested');
    const history = await page.getByRole('region', { name: 'Historique' }).textContent();
    expect(history).toContain('Demandé → Remis');
    expect(history).toContain('(annulé)');
  });

  it('keeps the national register number only after the opt-in, and shows it masked', async () => {
    expect(await page.getByLabel('Numéro de registre national').count()).toBe(0);
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    await page.getByLabel(/Conserver mon numéro de registre national/).check();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Enregistré.');
    expect(await axe(page)).toEqual([]);
    await page.goto(dossierUrl);
    await page.getByLabel('Numéro de registre national').fill('85.07.30-033.28');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await expect.poll(() => page.getByTestId('nrn').textContent()).toBe('••.••.••-•••.28');
    expect(await page.locator('body').textContent()).not.toContain('85073003328');
  });

  it('adds an appointment and exports it as a calendar file', async () => {
    const section = page.getByRole('region', { name: 'Rendez-vous' });
    await section.getByText('Ajouter un rendez-vous').first().click();
    await section.getByLabel('Pour quoi').fill('Déclaration de nationalité');
    await section.getByLabel('Date et heure').fill('2027-01-15T09:30');
    await section.getByLabel('Lieu').fill('Maison communale d’Auderghem');
    await section.getByLabel('Référence').fill('RDV-2027-42');
    await section.getByRole('button', { name: 'Ajouter un rendez-vous' }).click();
    await expect.poll(() => section.locator('ul.appointments').textContent()).toContain('15 janvier 2027, 09:30');
    const icsPath = await download(page, () => section.getByRole('button', { name: 'Ajouter au calendrier (.ics)' }).click());
    // The file's name says what it is, not whose (download lists and shared folders show it).
    expect(icsPath).toMatch(/[/\\]be-civic-appointments-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readFileSync(icsPath, 'utf8').replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20270115T093000');
    expect(ics).toContain('SUMMARY:Déclaration de nationalité — Łukasz Wałęsa');
  });

  it('shows how to book the visit at the commune, with what is still missing, and never guides on an http-only booking site', async () => {
    const booking = page.getByRole('region', { name: 'Prendre rendez-vous' });
    const visit = booking.getByRole('article', { name: 'Dépôt de la déclaration à l\'état civil' });
    // The birth record was obtained but is no longer valid on the planned day: never counted as ready.
    expect(await visit.locator('.bring li.ready').count()).toBe(0);
    expect(await visit.locator('.bring li.missing').filter({ hasText: /naissance/ }).count()).toBe(1);
    expect(await visit.locator('.bring li.missing').count()).toBeGreaterThan(0);
    // Auderghem's booking site is only known over http: its address, the notice, no link, no access asked.
    expect(await visit.locator('.channels').textContent()).toContain('http://auderghem.covservices.net/WaitBox.asp');
    await visit.getByText('Ce site de rendez-vous n’est pas chiffré (http)').waitFor();
    expect(await visit.getByRole('link', { name: 'Réserver en ligne' }).count()).toBe(0);
    expect(await visit.getByRole('button', { name: /Laisser Be Civic vous guider/ }).count()).toBe(0);
  });

  it('has no accessibility violations on the dossier, light or dark, and shows dossiers side by side', async () => {
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    // A second dossier, for another family member and another procedure (EU registration by status).
    await page.getByRole('link', { name: 'Créer un dossier' }).click();
    await page.getByRole('button', { name: 'Voir toutes les démarches' }).click();
    await page.getByLabel('Démarche').selectOption('eu-registration-annex-19');
    await page.getByLabel('À qui est ce dossier ?').fill('Amira');
    await page.getByLabel('Commune', { exact: true }).selectOption('auderghem');
    await answerEverything(page);
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amira' }).waitFor();
    await page.getByRole('link', { name: 'Vos dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vos dossiers' }).waitFor();
    await expect.poll(() => page.locator('.card[data-dossier] h2').allTextContents()).toEqual(expect.arrayContaining(['Łukasz Wałęsa', 'Amira']));
    const lukasz = page.locator('.card[data-dossier]').filter({ hasText: 'Łukasz Wałęsa' });
    expect(await lukasz.textContent()).toContain('Plus valable le 15 janvier 2027');
    expect(await axe(page)).toEqual([]);
    await page.goto(dossierUrl);
    await page.getByRole('heading', { level: 1, name: 'Łukasz Wałęsa' }).waitFor();
  });

  it('exports a PDF with the statuses, dates, fees, accents and the masked number', async () => {
    const path = await download(page, () => page.getByRole('button', { name: 'Exporter en PDF' }).click());
    expect(path).toMatch(/[/\\]be-civic-dossier-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Résumé du dossier');
    expect(text).toContain('Łukasz Wałęsa');
    expect(text).toContain('Déclaration de nationalité (article 12bis)');
    expect(text).toContain('Commune : Auderghem');
    expect(text).toContain('Date de dépôt prévue : 15 janvier 2027');
    expect(text).toContain('✔ Né(e) en Belgique et y ayant toujours vécu (§1 1°) (votre choix) — Correspond');
    expect(text).toMatch(/Êtes-vous marié\(e\) à une personne belge \? — votre réponse : Non; il faut : Oui/);
    expect(text).not.toMatch(/seeds\/|\.txt\b/);
    expect(text).toMatch(/— Obtenu/);
    expect(text).toMatch(/— Demandé/);
    expect(text).toContain('Date de délivrance : 15 mars 2026');
    expect(text).toContain('Plus valable le 15 janvier 2027 (fin le 14 juin 2026)');
    expect(text).toMatch(/Droit d.enregistrement : 150,00\s€ \(identique partout\)/);
    expect(text).toMatch(/Taxe communale : 0,00\s€ – 80,00\s€/);
    expect(text).toMatch(/Total : 150,00\s€ – 230,00\s€/);
    expect(text).toContain('Pays qui a délivré vos documents étrangers : Pologne');
    // The appointment is printed with the visit it is for.
    expect(text).toContain('Votre rendez-vous : 15 janvier 2027, 09:30 — Maison communale d’Auderghem');
    expect(text).toContain('Numéro de registre national : ••.••.••-•••.28');
    expect(text).not.toContain('85073003328');
    expect(text).toMatch(/Page 1 sur \d+/);
  });

  it('exports a backup with 60 MiB of attachments, wipes everything after a typed confirmation, and imports the backup back', async () => {
    // Six 10 MiB files (the dashboard's largest): one message with all of them would pass Chromium's 64 MiB limit.
    const dossierId = decodeURIComponent(dossierUrl.split('#dossier=')[1]!);
    const attached = await page.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } };
      const send = (type: string, payload: unknown) => chrome.runtime.sendMessage({ type, payload });
      const detail = await send('dossier:get', { id });
      const artefact = detail.data.progress[0].artefact as string;
      for (let n = 0; n < 6; n++) {
        const bytes = new Uint8Array(10 * 1024 * 1024);
        for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        const reply = await send('attachment:add', { dossierId: id, artefact, name: `scan-${n}.bin`, type: 'application/octet-stream', base64: btoa(binary) });
        if (!reply.ok) return reply;
      }
      return (await send('dossier:get', { id })).data.progress.flatMap((p: { attachments: Array<{ id: string; size: number }> }) => p.attachments.map((a) => [a.id, a.size]));
    }, dossierId);
    expect(attached).toHaveLength(6);
    const digests = () =>
      page.evaluate(async (ids) => {
        const hex = async (text: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
        const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } };
        return Promise.all(ids.map(async (id) => hex((await chrome.runtime.sendMessage({ type: 'attachment:get', payload: { id } })).data.base64)));
      }, (attached as Array<[string, number]>).map(([id]) => id));
    const before = await digests();

    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    await expect.poll(() => page.getByTestId('storage').textContent()).toMatch(/\d/);
    const backup = await download(page, () => page.getByRole('button', { name: 'Exporter une sauvegarde' }).click());
    expect(backup).toMatch(/[/\\]be-civic-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(statSync(backup).size).toBeGreaterThan(80 * 1024 * 1024);
    expect(readFileSync(backup, 'utf8')).toContain('Łukasz Wałęsa');

    const wipe = page.getByRole('button', { name: 'Tout effacer' });
    expect(await wipe.isDisabled()).toBe(true);
    await page.getByLabel('Tapez EFFACER pour confirmer').fill('effacer');
    await wipe.click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Tout a été effacé.');
    await page.getByRole('link', { name: 'Vos dossiers' }).click();
    await expect.poll(() => page.locator('.card[data-dossier]').count()).toBe(0);

    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByLabel('Importer une sauvegarde').setInputFiles(backup);
    // 80 MiB of text checked whole and written in one transaction: seconds on a slow machine.
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 90_000 }).toBe('Sauvegarde importée : 2 dossiers.');
    await page.getByRole('link', { name: 'Vos dossiers' }).click();
    await expect.poll(() => page.locator('.card[data-dossier] h2').allTextContents()).toEqual(expect.arrayContaining(['Łukasz Wałęsa', 'Amira']));
    expect(await digests()).toEqual(before);
  }, 180_000);

  it('made no network request', () => {
    expect(session.stray).toEqual([]);
  });
});
