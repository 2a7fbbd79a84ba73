/**
 * The panel's own words in the four UI languages. The background sends them with the page's catalog
 * texts (`panel:strings`), so the content script does not carry four languages (3 KB gzipped) on every
 * portal page; it only keeps the few words it shows before the first answer (BOOT).
 */
import type { Lang } from './index';
import type { Status } from '../store/model';

/** Templates hold `{name}` slots, filled by `fill()`: data, not code, so the background can send them. */
export interface PanelStrings {
  loading: string;
  expand: string;
  collapse: string;
  servesHeading: string;
  alsoHere: string;
  forNeed: string;
  youDo: string;
  agentDoes: string;
  toResume: string;
  unverified: string;
  fallback: string;
  status: Record<Status, string>;
  statusOf: string;
  issued: string;
  validUntil: string;
  expired: string;
  captureHeading: string;
  captureButton: string;
  captureHint: string;
  noSelection: string;
  notCaptured: string;
  savedValue: string;
  statusSaved: string;
  failed: string;
  noDossier: string;
  setUp: string;
  stateUnavailable: string;
  loginHeading: string;
  loginPrivacy: string;
  covered: string;
  /** The guide through a booking site's steps and the saving of the appointment it gives. */
  guide: {
    heading: string;
    choose: string;
    showMe: string;
    looking: string;
    notFound: string;
    save: string;
    check: string;
    noDate: string;
    date: string;
    time: string;
    place: string;
    reference: string;
    dossier: string;
    confirm: string;
    cancel: string;
    saved: string;
  };
}

const en: PanelStrings = {
  loading: 'Loading…',
  expand: 'Show Be Civic',
  collapse: 'Hide',
  servesHeading: 'What this page is for',
  alsoHere: 'Also on this page ({count})',
  forNeed: 'For “{requirement}” — dossier “{dossier}” ({procedure})',
  youDo: 'What you do here',
  agentDoes: 'What Be Civic does',
  toResume: 'To resume later',
  unverified: 'Not yet confirmed by a user: these steps come from official texts, and the real page may differ.',
  fallback: 'Some texts are not translated yet and are shown in {langs}.',
  status: { 'not-started': 'Not started', 'in-progress': 'In progress', requested: 'Requested', obtained: 'Obtained', submitted: 'Submitted', 'not-needed': 'Not needed' },
  statusOf: 'Status of “{artefact}” for {dossier}',
  issued: 'Issued on {date}',
  validUntil: 'Valid until {date}',
  expired: 'Expired on {date}: you need a newer one',
  captureHeading: 'To note from this page',
  captureButton: 'Capture selection as {field}',
  captureHint: 'Select the text on the page, then press the capture button.',
  noSelection: 'Nothing is selected on the page. Select the text first, then press the button again.',
  notCaptured: 'not noted yet',
  savedValue: '{field} saved: {value}',
  statusSaved: 'Status saved: {status}',
  failed: 'Not saved: {reason}',
  noDossier: 'None of your dossiers needs this page. If you have not set up your dossier yet, start here: Be Civic will then show what to do on this page.',
  setUp: 'Set up a dossier',
  stateUnavailable: 'Your dossier cannot be read right now. The information about this page still applies.',
  loginHeading: 'About logging in',
  loginPrivacy: 'You log in on the government’s own page. Be Civic never sees your password, codes or card.',
  covered: 'Something on the page covers this panel. Its buttons are paused until the panel is fully visible.',
  guide: {
    heading: 'This step',
    choose: 'For “{dossier}”, choose:',
    showMe: 'Show me',
    looking: 'Looking for it on the page…',
    notFound: 'Not found on this page: look for it in the site’s list yourself.',
    save: 'Save this appointment',
    check: 'Check what Be Civic read on the page. Nothing is saved until you confirm.',
    noDate: 'No date found in the text: enter it from the page.',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    reference: 'Reference',
    dossier: 'Dossier',
    confirm: 'Save in my dossier',
    cancel: 'Cancel',
    saved: 'Appointment saved in “{dossier}”. If you allowed notifications, a reminder comes the evening before.',
  },
};

const fr: PanelStrings = {
  loading: 'Chargement…',
  expand: 'Afficher Be Civic',
  collapse: 'Masquer',
  servesHeading: 'À quoi sert cette page',
  alsoHere: 'Aussi sur cette page ({count})',
  forNeed: 'Pour « {requirement} » — dossier « {dossier} » ({procedure})',
  youDo: 'Ce que vous faites ici',
  agentDoes: 'Ce que fait Be Civic',
  toResume: 'Pour reprendre plus tard',
  unverified: 'Pas encore confirmé par un utilisateur : ces étapes viennent des textes officiels, la vraie page peut différer.',
  fallback: 'Certains textes ne sont pas encore traduits et sont affichés en {langs}.',
  status: { 'not-started': 'Pas commencé', 'in-progress': 'En cours', requested: 'Demandé', obtained: 'Obtenu', submitted: 'Déposé', 'not-needed': 'Pas nécessaire' },
  statusOf: 'Statut de « {artefact} » pour {dossier}',
  issued: 'Délivré le {date}',
  validUntil: 'Valable jusqu’au {date}',
  expired: 'Expiré le {date} : il vous en faut un plus récent',
  captureHeading: 'À noter sur cette page',
  captureButton: 'Capturer la sélection comme {field}',
  captureHint: 'Sélectionnez le texte sur la page, puis appuyez sur le bouton de capture.',
  noSelection: 'Rien n’est sélectionné sur la page. Sélectionnez d’abord le texte, puis appuyez à nouveau sur le bouton.',
  notCaptured: 'pas encore noté',
  savedValue: '{field} enregistré : {value}',
  statusSaved: 'Statut enregistré : {status}',
  failed: 'Non enregistré : {reason}',
  noDossier: 'Aucun de vos dossiers n’a besoin de cette page. Si vous n’avez pas encore créé votre dossier, commencez ici : Be Civic vous montrera ensuite quoi faire sur cette page.',
  setUp: 'Créer un dossier',
  stateUnavailable: 'Votre dossier ne peut pas être lu pour l’instant. Les informations sur cette page restent valables.',
  loginHeading: 'À propos de la connexion',
  loginPrivacy: 'Vous vous connectez sur la page officielle de l’administration. Be Civic ne voit jamais votre mot de passe, vos codes ni votre carte.',
  covered: 'Un élément de la page recouvre ce panneau. Ses boutons sont en pause jusqu’à ce que le panneau soit entièrement visible.',
  guide: {
    heading: 'Cette étape',
    choose: 'Pour « {dossier} », choisissez :',
    showMe: 'Me montrer',
    looking: 'Recherche sur la page…',
    notFound: 'Introuvable sur cette page : cherchez-le vous-même dans la liste du site.',
    save: 'Enregistrer ce rendez-vous',
    check: 'Vérifiez ce que Be Civic a lu sur la page. Rien n’est enregistré avant votre confirmation.',
    noDate: 'Aucune date trouvée dans le texte : recopiez-la depuis la page.',
    date: 'Date',
    time: 'Heure',
    place: 'Lieu',
    reference: 'Référence',
    dossier: 'Dossier',
    confirm: 'Enregistrer dans mon dossier',
    cancel: 'Annuler',
    saved: 'Rendez-vous enregistré dans « {dossier} ». Si vous avez autorisé les notifications, un rappel arrive la veille au soir.',
  },
};

const nl: PanelStrings = {
  loading: 'Laden…',
  expand: 'Be Civic tonen',
  collapse: 'Verbergen',
  servesHeading: 'Waarvoor deze pagina dient',
  alsoHere: 'Ook op deze pagina ({count})',
  forNeed: 'Voor „{requirement}” — dossier „{dossier}” ({procedure})',
  youDo: 'Wat u hier doet',
  agentDoes: 'Wat Be Civic doet',
  toResume: 'Om later verder te gaan',
  unverified: 'Nog niet bevestigd door een gebruiker: deze stappen komen uit officiële teksten, de echte pagina kan afwijken.',
  fallback: 'Sommige teksten zijn nog niet vertaald en worden in het {langs} getoond.',
  status: { 'not-started': 'Niet begonnen', 'in-progress': 'Bezig', requested: 'Aangevraagd', obtained: 'Ontvangen', submitted: 'Ingediend', 'not-needed': 'Niet nodig' },
  statusOf: 'Status van „{artefact}” voor {dossier}',
  issued: 'Uitgereikt op {date}',
  validUntil: 'Geldig tot {date}',
  expired: 'Verlopen op {date}: u hebt een recenter exemplaar nodig',
  captureHeading: 'Te noteren op deze pagina',
  captureButton: 'Selectie vastleggen als {field}',
  captureHint: 'Selecteer de tekst op de pagina en druk dan op de knop om vast te leggen.',
  noSelection: 'Er is niets geselecteerd op de pagina. Selecteer eerst de tekst en druk dan opnieuw op de knop.',
  notCaptured: 'nog niet genoteerd',
  savedValue: '{field} bewaard: {value}',
  statusSaved: 'Status bewaard: {status}',
  failed: 'Niet bewaard: {reason}',
  noDossier: 'Geen van uw dossiers heeft deze pagina nodig. Hebt u uw dossier nog niet aangemaakt, begin dan hier: Be Civic toont daarna wat u op deze pagina doet.',
  setUp: 'Een dossier aanmaken',
  stateUnavailable: 'Uw dossier kan nu niet worden gelezen. De informatie over deze pagina blijft geldig.',
  loginHeading: 'Over het aanmelden',
  loginPrivacy: 'U meldt zich aan op de eigen pagina van de overheid. Be Civic ziet nooit uw wachtwoord, codes of kaart.',
  covered: 'Iets op de pagina bedekt dit paneel. De knoppen zijn gepauzeerd tot het paneel volledig zichtbaar is.',
  guide: {
    heading: 'Deze stap',
    choose: 'Voor „{dossier}”, kies:',
    showMe: 'Toon het me',
    looking: 'Zoeken op de pagina…',
    notFound: 'Niet gevonden op deze pagina: zoek het zelf in de lijst van de site.',
    save: 'Deze afspraak bewaren',
    check: 'Kijk na wat Be Civic op de pagina las. Er wordt niets bewaard voor u bevestigt.',
    noDate: 'Geen datum gevonden in de tekst: neem ze over van de pagina.',
    date: 'Datum',
    time: 'Uur',
    place: 'Plaats',
    reference: 'Referentie',
    dossier: 'Dossier',
    confirm: 'Bewaren in mijn dossier',
    cancel: 'Annuleren',
    saved: 'Afspraak bewaard in „{dossier}”. Als u meldingen toestaat, krijgt u de avond voordien een herinnering.',
  },
};

const de: PanelStrings = {
  loading: 'Wird geladen…',
  expand: 'Be Civic anzeigen',
  collapse: 'Ausblenden',
  servesHeading: 'Wofür diese Seite dient',
  alsoHere: 'Auch auf dieser Seite ({count})',
  forNeed: 'Für „{requirement}“ — Akte „{dossier}“ ({procedure})',
  youDo: 'Was Sie hier tun',
  agentDoes: 'Was Be Civic tut',
  toResume: 'Um später fortzufahren',
  unverified: 'Noch nicht von einem Nutzer bestätigt: Diese Schritte stammen aus amtlichen Texten, die echte Seite kann abweichen.',
  fallback: 'Einige Texte sind noch nicht übersetzt und werden auf {langs} angezeigt.',
  status: { 'not-started': 'Nicht begonnen', 'in-progress': 'In Bearbeitung', requested: 'Beantragt', obtained: 'Erhalten', submitted: 'Eingereicht', 'not-needed': 'Nicht nötig' },
  statusOf: 'Status von „{artefact}“ für {dossier}',
  issued: 'Ausgestellt am {date}',
  validUntil: 'Gültig bis {date}',
  expired: 'Abgelaufen am {date}: Sie brauchen ein neueres Exemplar',
  captureHeading: 'Auf dieser Seite zu notieren',
  captureButton: 'Auswahl übernehmen als {field}',
  captureHint: 'Markieren Sie den Text auf der Seite und drücken Sie dann die Schaltfläche zum Übernehmen.',
  noSelection: 'Auf der Seite ist nichts markiert. Markieren Sie zuerst den Text und drücken Sie dann erneut die Schaltfläche.',
  notCaptured: 'noch nicht notiert',
  savedValue: '{field} gespeichert: {value}',
  statusSaved: 'Status gespeichert: {status}',
  failed: 'Nicht gespeichert: {reason}',
  noDossier: 'Keine Ihrer Akten braucht diese Seite. Wenn Sie Ihre Akte noch nicht angelegt haben, beginnen Sie hier: Be Civic zeigt Ihnen dann, was auf dieser Seite zu tun ist.',
  setUp: 'Eine Akte anlegen',
  stateUnavailable: 'Ihre Akte kann gerade nicht gelesen werden. Die Angaben zu dieser Seite gelten weiterhin.',
  loginHeading: 'Zur Anmeldung',
  loginPrivacy: 'Sie melden sich auf der eigenen Seite der Behörde an. Be Civic sieht nie Ihr Passwort, Ihre Codes oder Ihre Karte.',
  covered: 'Etwas auf der Seite verdeckt dieses Panel. Seine Schaltflächen sind pausiert, bis es vollständig sichtbar ist.',
  guide: {
    heading: 'Dieser Schritt',
    choose: 'Für „{dossier}“ wählen Sie:',
    showMe: 'Zeigen',
    looking: 'Wird auf der Seite gesucht…',
    notFound: 'Auf dieser Seite nicht gefunden: Suchen Sie es selbst in der Liste der Seite.',
    save: 'Diesen Termin speichern',
    check: 'Prüfen Sie, was Be Civic auf der Seite gelesen hat. Nichts wird gespeichert, bevor Sie bestätigen.',
    noDate: 'Kein Datum im Text gefunden: Übernehmen Sie es von der Seite.',
    date: 'Datum',
    time: 'Uhrzeit',
    place: 'Ort',
    reference: 'Referenz',
    dossier: 'Akte',
    confirm: 'In meiner Akte speichern',
    cancel: 'Abbrechen',
    saved: 'Termin in „{dossier}“ gespeichert. Wenn Sie Benachrichtigungen erlaubt haben, kommt am Vorabend eine Erinnerung.',
  },
};

export const PANEL_STRINGS: Record<Lang, PanelStrings> = { en, fr, nl, de };

