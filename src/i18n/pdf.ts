/**
 * The PDF summary's own words (headings, footer, disclaimer); the words it shares with the dashboard
 * (statuses, checklist, fees…) come from the dashboard's table, so the paper says what the screen says.
 */
import type { Lang } from '../model/lang';

const en = {
  colon: ': ',
  title: 'Dossier summary',
  generated: (date: string) => `Generated on ${date} by Be Civic, from the data in your browser.`,
  page: (n: number, of: number) => `Page ${n} of ${of}`,
  procedure: 'Procedure',
  legalBasis: 'Legal basis',
  authority: 'Authority',
  sources: 'Sources of the information and last verification',
  lastVerified: (date: string) => `last verified ${date}`,
  disclaimer: 'Be Civic is not an administration. Check the requirements with your commune.',
};

export type PdfStrings = typeof en;

const fr: PdfStrings = {
  /** French sets a space before the colon. */
  colon: ' : ',
  title: 'Résumé du dossier',
  generated: (date) => `Généré le ${date} par Be Civic, à partir des données de votre navigateur.`,
  page: (n, of) => `Page ${n} sur ${of}`,
  procedure: 'Démarche',
  legalBasis: 'Base légale',
  authority: 'Autorité',
  sources: 'Sources des informations et dernière vérification',
  lastVerified: (date) => `dernière vérification : ${date}`,
  disclaimer: 'Be Civic n’est pas une administration. Vérifiez les conditions auprès de votre commune.',
};

const nl: PdfStrings = {
  colon: ': ',
  title: 'Samenvatting van het dossier',
  generated: (date) => `Aangemaakt op ${date} door Be Civic, op basis van de gegevens in uw browser.`,
  page: (n, of) => `Pagina ${n} van ${of}`,
  procedure: 'Procedure',
  legalBasis: 'Wettelijke basis',
  authority: 'Overheid',
  sources: 'Bronnen van de informatie en laatste controle',
  lastVerified: (date) => `gecontroleerd op ${date}`,
  disclaimer: 'Be Civic is geen overheid. Controleer de voorwaarden bij uw gemeente.',
};

const de: PdfStrings = {
  colon: ': ',
  title: 'Zusammenfassung der Akte',
  generated: (date) => `Erstellt am ${date} von Be Civic, aus den Daten in Ihrem Browser.`,
  page: (n, of) => `Seite ${n} von ${of}`,
  procedure: 'Verfahren',
  legalBasis: 'Rechtsgrundlage',
  authority: 'Behörde',
  sources: 'Quellen der Informationen und letzte Prüfung',
  lastVerified: (date) => `zuletzt geprüft: ${date}`,
  disclaimer: 'Be Civic ist keine Behörde. Prüfen Sie die Bedingungen bei Ihrer Gemeinde.',
};

export const PDF_STRINGS: Record<Lang, PdfStrings> = { en, fr, nl, de };
