/**
 * The panel's own words in the four UI languages. Catalog texts come from the background already
 * localised; these are the labels around them. Kept as plain objects: the content script ships them all
 * (a few KB before gzip) so a language override applies without another round trip.
 */
import type { Lang } from '../i18n';
import type { Status } from '../store/model';

export interface Strings {
  loading: string;
  expand: string;
  collapse: string;
  servesHeading: string;
  forNeed: (requirement: string, dossier: string, procedure: string) => string;
  youDo: string;
  agentDoes: string;
  toResume: string;
  unverified: string;
  fallback: (langs: string) => string;
  langName: Record<Lang, string>;
  status: Record<Status, string>;
  statusOf: (artefact: string, dossier: string) => string;
  issued: (date: string) => string;
  validUntil: (date: string) => string;
  expired: (date: string) => string;
  captureHeading: string;
  captureButton: (field: string) => string;
  captureHint: string;
  noSelection: string;
  notCaptured: string;
  savedValue: (field: string, value: string) => string;
  statusSaved: (status: string) => string;
  failed: (reason: string) => string;
  noDossier: string;
  setUp: string;
  stateUnavailable: string;
  loginHeading: string;
  loginPrivacy: string;
  covered: string;
}

const en: Strings = {
  loading: 'Loading…',
  expand: 'Show Be Civic',
  collapse: 'Hide',
  servesHeading: 'What this page is for',
  forNeed: (r, d, p) => `For “${r}” — dossier “${d}” (${p})`,
  youDo: 'What you do here',
  agentDoes: 'What Be Civic does',
  toResume: 'To resume later',
  unverified: 'Not yet confirmed by a user: these steps come from official texts, and the real page may differ.',
  fallback: (l) => `Some texts are not translated yet and are shown in ${l}.`,
  langName: { fr: 'French', nl: 'Dutch', de: 'German', en: 'English' },
  status: { 'not-started': 'Not started', 'in-progress': 'In progress', requested: 'Requested', obtained: 'Obtained', submitted: 'Submitted', 'not-needed': 'Not needed' },
  statusOf: (a, d) => `Status of “${a}” for ${d}`,
  issued: (d) => `Issued on ${d}`,
  validUntil: (d) => `Valid until ${d}`,
  expired: (d) => `Expired on ${d}: you need a newer one`,
  captureHeading: 'To note from this page',
  captureButton: (f) => `Capture selection as ${f}`,
  captureHint: 'Select the text on the page, then press the capture button.',
  noSelection: 'Nothing is selected on the page. Select the text first, then press the button again.',
  notCaptured: 'not noted yet',
  savedValue: (f, v) => `${f} saved: ${v}`,
  statusSaved: (s) => `Status saved: ${s}`,
  failed: (r) => `Not saved: ${r}`,
  noDossier: 'None of your dossiers needs this page yet. Set up your dossier and Be Civic will show here what to do.',
  setUp: 'Set up a dossier',
  stateUnavailable: 'Your dossier cannot be read right now. The information about this page still applies.',
  loginHeading: 'About logging in',
  loginPrivacy: 'You log in on the government’s own page. Be Civic never sees your password, codes or card.',
  covered: 'Something on the page covers this panel. Its buttons are paused until the panel is fully visible.',
};

const fr: Strings = {
  loading: 'Chargement…',
  expand: 'Afficher Be Civic',
  collapse: 'Masquer',
  servesHeading: 'À quoi sert cette page',
  forNeed: (r, d, p) => `Pour « ${r} » — dossier « ${d} » (${p})`,
  youDo: 'Ce que vous faites ici',
  agentDoes: 'Ce que fait Be Civic',
  toResume: 'Pour reprendre plus tard',
  unverified: 'Pas encore confirmé par un utilisateur : ces étapes viennent des textes officiels, la vraie page peut différer.',
  fallback: (l) => `Certains textes ne sont pas encore traduits et sont affichés en ${l}.`,
  langName: { fr: 'français', nl: 'néerlandais', de: 'allemand', en: 'anglais' },
  status: { 'not-started': 'Pas commencé', 'in-progress': 'En cours', requested: 'Demandé', obtained: 'Obtenu', submitted: 'Déposé', 'not-needed': 'Pas nécessaire' },
  statusOf: (a, d) => `Statut de « ${a} » pour ${d}`,
  issued: (d) => `Délivré le ${d}`,
  validUntil: (d) => `Valable jusqu’au ${d}`,
  expired: (d) => `Expiré le ${d} : il vous en faut un plus récent`,
  captureHeading: 'À noter sur cette page',
  captureButton: (f) => `Capturer la sélection comme ${f}`,
  captureHint: 'Sélectionnez le texte sur la page, puis appuyez sur le bouton de capture.',
  noSelection: 'Rien n’est sélectionné sur la page. Sélectionnez d’abord le texte, puis appuyez à nouveau sur le bouton.',
  notCaptured: 'pas encore noté',
  savedValue: (f, v) => `${f} enregistré : ${v}`,
  statusSaved: (s) => `Statut enregistré : ${s}`,
  failed: (r) => `Non enregistré : ${r}`,
  noDossier: 'Aucun de vos dossiers n’a encore besoin de cette page. Créez votre dossier et Be Civic vous montrera ici quoi faire.',
  setUp: 'Créer un dossier',
  stateUnavailable: 'Votre dossier ne peut pas être lu pour l’instant. Les informations sur cette page restent valables.',
  loginHeading: 'À propos de la connexion',
  loginPrivacy: 'Vous vous connectez sur la page officielle de l’administration. Be Civic ne voit jamais votre mot de passe, vos codes ni votre carte.',
  covered: 'Un élément de la page recouvre ce panneau. Ses boutons sont en pause jusqu’à ce que le panneau soit entièrement visible.',
};

const nl: Strings = {
  loading: 'Laden…',
  expand: 'Be Civic tonen',
  collapse: 'Verbergen',
  servesHeading: 'Waarvoor deze pagina dient',
  forNeed: (r, d, p) => `Voor „${r}” — dossier „${d}” (${p})`,
  youDo: 'Wat u hier doet',
  agentDoes: 'Wat Be Civic doet',
  toResume: 'Om later verder te gaan',
  unverified: 'Nog niet bevestigd door een gebruiker: deze stappen komen uit officiële teksten, de echte pagina kan afwijken.',
  fallback: (l) => `Sommige teksten zijn nog niet vertaald en worden in het ${l} getoond.`,
  langName: { fr: 'Frans', nl: 'Nederlands', de: 'Duits', en: 'Engels' },
  status: { 'not-started': 'Niet begonnen', 'in-progress': 'Bezig', requested: 'Aangevraagd', obtained: 'Ontvangen', submitted: 'Ingediend', 'not-needed': 'Niet nodig' },
  statusOf: (a, d) => `Status van „${a}” voor ${d}`,
  issued: (d) => `Uitgereikt op ${d}`,
  validUntil: (d) => `Geldig tot ${d}`,
  expired: (d) => `Verlopen op ${d}: u hebt een recenter exemplaar nodig`,
  captureHeading: 'Te noteren op deze pagina',
  captureButton: (f) => `Selectie vastleggen als ${f}`,
  captureHint: 'Selecteer de tekst op de pagina en druk dan op de knop om vast te leggen.',
  noSelection: 'Er is niets geselecteerd op de pagina. Selecteer eerst de tekst en druk dan opnieuw op de knop.',
  notCaptured: 'nog niet genoteerd',
  savedValue: (f, v) => `${f} bewaard: ${v}`,
  statusSaved: (s) => `Status bewaard: ${s}`,
  failed: (r) => `Niet bewaard: ${r}`,
  noDossier: 'Geen van uw dossiers heeft deze pagina al nodig. Maak uw dossier aan en Be Civic toont hier wat u moet doen.',
  setUp: 'Een dossier aanmaken',
  stateUnavailable: 'Uw dossier kan nu niet worden gelezen. De informatie over deze pagina blijft geldig.',
  loginHeading: 'Over het aanmelden',
  loginPrivacy: 'U meldt zich aan op de eigen pagina van de overheid. Be Civic ziet nooit uw wachtwoord, codes of kaart.',
  covered: 'Iets op de pagina bedekt dit paneel. De knoppen zijn gepauzeerd tot het paneel volledig zichtbaar is.',
};

const de: Strings = {
  loading: 'Wird geladen…',
  expand: 'Be Civic anzeigen',
  collapse: 'Ausblenden',
  servesHeading: 'Wofür diese Seite dient',
  forNeed: (r, d, p) => `Für „${r}“ — Akte „${d}“ (${p})`,
  youDo: 'Was Sie hier tun',
  agentDoes: 'Was Be Civic tut',
  toResume: 'Um später fortzufahren',
  unverified: 'Noch nicht von einem Nutzer bestätigt: Diese Schritte stammen aus amtlichen Texten, die echte Seite kann abweichen.',
  fallback: (l) => `Einige Texte sind noch nicht übersetzt und werden auf ${l} angezeigt.`,
  langName: { fr: 'Französisch', nl: 'Niederländisch', de: 'Deutsch', en: 'Englisch' },
  status: { 'not-started': 'Nicht begonnen', 'in-progress': 'In Bearbeitung', requested: 'Beantragt', obtained: 'Erhalten', submitted: 'Eingereicht', 'not-needed': 'Nicht nötig' },
  statusOf: (a, d) => `Status von „${a}“ für ${d}`,
  issued: (d) => `Ausgestellt am ${d}`,
  validUntil: (d) => `Gültig bis ${d}`,
  expired: (d) => `Abgelaufen am ${d}: Sie brauchen ein neueres Exemplar`,
  captureHeading: 'Auf dieser Seite zu notieren',
  captureButton: (f) => `Auswahl übernehmen als ${f}`,
  captureHint: 'Markieren Sie den Text auf der Seite und drücken Sie dann die Schaltfläche zum Übernehmen.',
  noSelection: 'Auf der Seite ist nichts markiert. Markieren Sie zuerst den Text und drücken Sie dann erneut die Schaltfläche.',
  notCaptured: 'noch nicht notiert',
  savedValue: (f, v) => `${f} gespeichert: ${v}`,
  statusSaved: (s) => `Status gespeichert: ${s}`,
  failed: (r) => `Nicht gespeichert: ${r}`,
  noDossier: 'Noch keine Ihrer Akten braucht diese Seite. Legen Sie Ihre Akte an, und Be Civic zeigt Ihnen hier, was zu tun ist.',
  setUp: 'Eine Akte anlegen',
  stateUnavailable: 'Ihre Akte kann gerade nicht gelesen werden. Die Angaben zu dieser Seite gelten weiterhin.',
  loginHeading: 'Zur Anmeldung',
  loginPrivacy: 'Sie melden sich auf der eigenen Seite der Behörde an. Be Civic sieht nie Ihr Passwort, Ihre Codes oder Ihre Karte.',
  covered: 'Etwas auf der Seite verdeckt dieses Panel. Seine Schaltflächen sind pausiert, bis es vollständig sichtbar ist.',
};

export const STRINGS: Record<Lang, Strings> = { en, fr, nl, de };
