/**
 * The pre-filled e-mail for communes that book appointments by e-mail, written in a language the
 * commune works in (the user's own when the commune uses it). It only builds a mailto: link: the
 * user's own mail program opens it, and nothing is sent by Be Civic.
 */
import type { Lang, OfficialLang } from '../../model/lang';

export interface AppointmentRequest {
  to: string;
  communeLanguages: readonly OfficialLang[];
  userLang: Lang;
  applicant: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** What the appointment is for, e.g. the procedure and visit. */
  reason: string;
  /** Who comes with the applicant (children, spouse…), if anyone. */
  companions?: string;
}

type MailLang = OfficialLang;

const TEMPLATES: Record<MailLang, { subject: (r: string) => string; body: (req: AppointmentRequest, born: string | undefined) => string }> = {
  fr: {
    subject: (reason) => `Demande de rendez-vous : ${reason}`,
    body: (req, born) =>
      [
        'Madame, Monsieur,',
        '',
        `Je souhaite prendre rendez-vous pour : ${req.reason}.`,
        `Nom : ${req.applicant}`,
        ...(born ? [`Date de naissance : ${born}`] : []),
        ...(req.companions ? [`Personnes présentes : ${req.companions}`] : []),
        '',
        'Pourriez-vous me proposer une date et me dire quels documents apporter ?',
        '',
        'Je vous remercie d’avance.',
        req.applicant,
      ].join('\n'),
  },
  nl: {
    subject: (reason) => `Aanvraag van een afspraak: ${reason}`,
    body: (req, born) =>
      [
        'Geachte mevrouw, geachte heer,',
        '',
        `Graag maak ik een afspraak voor: ${req.reason}.`,
        `Naam: ${req.applicant}`,
        ...(born ? [`Geboortedatum: ${born}`] : []),
        ...(req.companions ? [`Aanwezige personen: ${req.companions}`] : []),
        '',
        'Kunt u mij een datum voorstellen en laten weten welke documenten ik moet meebrengen?',
        '',
        'Alvast bedankt.',
        req.applicant,
      ].join('\n'),
  },
  de: {
    subject: (reason) => `Terminanfrage: ${reason}`,
    body: (req, born) =>
      [
        'Sehr geehrte Damen und Herren,',
        '',
        `ich möchte einen Termin vereinbaren für: ${req.reason}.`,
        `Name: ${req.applicant}`,
        ...(born ? [`Geburtsdatum: ${born}`] : []),
        ...(req.companions ? [`Anwesende Personen: ${req.companions}`] : []),
        '',
        'Könnten Sie mir einen Termin vorschlagen und mitteilen, welche Unterlagen ich mitbringen soll?',
        '',
        'Mit freundlichen Grüßen',
        req.applicant,
      ].join('\n'),
  },
};

export function mailLanguage(communeLanguages: ReadonlyArray<MailLang>, userLang: Lang): MailLang {
  return (communeLanguages as ReadonlyArray<string>).includes(userLang) ? (userLang as MailLang) : (communeLanguages[0] ?? 'fr');
}

/** dd/mm/yyyy, as Belgian administrations write dates. */
function belgianDate(day: string | undefined): string | undefined {
  const m = day?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
}

export function appointmentMail(req: AppointmentRequest): { lang: MailLang; subject: string; body: string; href: string } {
  const lang = mailLanguage(req.communeLanguages, req.userLang);
  const template = TEMPLATES[lang];
  const subject = template.subject(req.reason);
  const body = template.body(req, belgianDate(req.birthDate));
  return { lang, subject, body, href: `mailto:${encodeURIComponent(req.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` };
}
