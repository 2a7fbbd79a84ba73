import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticDossier } from '../fixtures/synthetic-dossier';
import { summarise } from '../../src/dossier/summary';
import { buildPdf } from '../../src/export/pdf';
import { appointmentsToIcs } from '../../src/export/ics';

const FONT = readFileSync(join(import.meta.dirname, '../../src/export/fonts/DejaVuSans.ttf'));
const dir = mkdtempSync(join(tmpdir(), 'be-civic-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as poppler's pdftotext reads it (what a reader, a search or a screen reader gets). */
function pdfText(bytes: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('PDF summary', { timeout: 30_000 }, () => {
  const input = syntheticDossier();
  const procedure = input.catalog.procedures[0]!;

  it('prints names outside Latin-1, accents, guillemets and €, masks the national number, numbers the pages', async () => {
    const summary = summarise({ ...input, lang: 'fr', today: '2026-11-23' });
    const bytes = await buildPdf({ summary, procedure, font: FONT, now: new Date('2026-11-23T12:00:00Z') });
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Łukasz Wałęsa');
    expect(text).toContain('extrait d’acte « conforme »');
    expect(text).toContain('Généré le 23 novembre 2026');
    expect(text).toContain('Numéro de registre national : ••.••.••-•••.28');
    expect(text).not.toContain('85073003328');
    expect(text).toMatch(/Droit d’enregistrement : 150,00\s€ \(identique partout\)/);
    expect(text).toMatch(/Total : 150,00\s€ – 230,00\s€/);
    expect(text).toContain('Document n° 3 — extrait d’acte « conforme » — Obtenu');
    expect(text).toContain('Date de délivrance : 15 avril 2026');
    expect(text).toContain('Plus valable le 15 janvier 2027 (fin le 14 juillet 2026)');
    // The alternative the user chose is the document listed; the other way is folded into one line.
    expect(text).toContain('Document n° 20 — extrait d’acte « conforme »');
    expect(text).toMatch(/Autre façon de le prouver \(1\) : Document n° 21/);
    // Each document's sources in their order, the one used marked.
    expect(text).toMatch(/1\. Guichet de la commune ✔ \(votre choix\)\s+2\. En ligne sur le portail fédéral/);
    // Visits: who comes, what to bring and for what, how to book; delays and notes.
    expect(text).toContain('Qui doit venir : Le déclarant, en personne');
    expect(text).toContain('Uniquement sur rendez-vous.');
    expect(text).toMatch(/Ce guichet refuse un dossier incomplet/);
    expect(text).toMatch(/☐ Document n° 1 — extrait d’acte « conforme » — manquant/);
    expect(text).toContain('Choisissez la commune du dossier pour voir comment y prendre rendez-vous.');
    expect(text).toContain('Décision du parquet — environ 4 mois');
    expect(text).toContain('Fabrication de la carte — au moins 3 jours ouvrables');
    expect(text).toContain('Gardez une copie de chaque document déposé.');
    // Sources named for people, never a file name.
    expect(text).toContain('CeRAIC / CIMB — fiches nationalité — https://www.example.org/fiches');
    expect(text).not.toMatch(/seeds\/|\.txt\b/);
    const pages = Number(/Page 1 sur (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
  });

  it('follows the UI language', async () => {
    const text = pdfText(await buildPdf({ summary: summarise({ ...input, lang: 'de', today: '2026-11-23' }), procedure, font: FONT }));
    expect(text).toContain('Zusammenfassung der Akte');
    expect(text).toContain('Was noch zu tun ist');
    expect(text).toMatch(/Seite 1 von \d+/);
  });
});

describe('calendar export', () => {
  it('writes one event per appointment at the booked local time, with place and reference', () => {
    const ics = appointmentsToIcs(
      [
        { id: 'a1', dossierId: 'd', service: 'Déclaration de nationalité', start: '2027-01-15T09:30', durationMinutes: 45, place: 'Maison communale, Auderghem', reference: 'RDV-42', createdAt: 1 },
        { id: 'a2', dossierId: 'd', service: 'Retrait', start: '2027-03-01T14:00', createdAt: 1 },
      ],
      { dossierLabel: 'Łukasz', referenceLabel: 'Référence' },
    );
    const unfolded = ics.replace(/\r?\n[ \t]/g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('DTSTART:20270115T093000');
    expect(unfolded).toContain('DURATION:PT45M');
    expect(unfolded).toContain('SUMMARY:Déclaration de nationalité — Łukasz');
    expect(unfolded).toContain('LOCATION:Maison communale\\, Auderghem');
    expect(unfolded).toContain('DESCRIPTION:Référence: RDV-42');
    expect(unfolded).toContain('DTSTART:20270301T140000');
  });

  it('refuses an empty list or a malformed start', () => {
    expect(() => appointmentsToIcs([], { dossierLabel: 'x', referenceLabel: 'r' })).toThrow('no appointment');
    expect(() => appointmentsToIcs([{ id: 'a', dossierId: 'd', service: 's', start: '2027-01-15 09:30', createdAt: 1 }], { dossierLabel: 'x', referenceLabel: 'r' })).toThrow('no valid start');
  });
});
