/**
 * The welcome page's words in the four UI languages. They are promises to the user, so each one must
 * stay true of the code: no login on the user's behalf, no network, nothing recorded without a click.
 * The type makes a missing translation a compile error rather than a blank on screen.
 */
import type { Lang } from '../model/lang';

export interface WelcomeTexts {
  pageTitle: string;
  heading: string;
  intro: string;
  doesHeading: string;
  does: string[];
  neverHeading: string;
  never: string[];
  languageLegend: string;
  languageSaveFailed: string;
  startHeading: string;
  startIntro: string;
  start: string;
  later: string;
}

export const WELCOME: Record<Lang, WelcomeTexts> = {
  en: {
    pageTitle: 'Welcome to Be Civic',
    heading: 'Welcome to Be Civic',
    intro:
      'Be Civic helps you through Belgian administrative procedures — nationality declaration, registration as an EU citizen, identity and residence cards, certificates — on the official websites where they happen.',
    doesHeading: 'What Be Civic does',
    does: [
      'On an official page it knows (my.belgium.be, IRISbox, your commune’s e-guichet or e-loket, appointment pages), a panel tells you in your language which document this page gives you, what to do here, and how to resume later.',
      'It keeps the checklist of your dossier: what you already have, what is missing, and what expires soon.',
      'It makes a summary (PDF) that you can print and take to the commune.',
    ],
    neverHeading: 'What Be Civic never does',
    never: [
      'It never logs in for you. You log in yourself, with your eID, itsme or another official key; Be Civic never asks for your codes.',
      'It never sends your data anywhere. Everything stays in this browser, on this computer: no account, no server, no statistics.',
      'It records nothing unless you ask it to.',
      'It is not a government service: the official websites and your commune decide.',
    ],
    languageLegend: 'Language',
    languageSaveFailed: 'This page now uses your language, but the choice could not be saved:',
    startHeading: 'Start',
    startIntro: 'A few plain questions find the procedure that fits you and the documents you will need.',
    start: 'Start my first dossier',
    later: 'You can change the language later in the dashboard’s settings.',
  },
  fr: {
    pageTitle: 'Bienvenue dans Be Civic',
    heading: 'Bienvenue dans Be Civic',
    intro:
      'Be Civic vous accompagne dans vos démarches administratives en Belgique — déclaration de nationalité, inscription comme citoyen de l’Union, cartes d’identité et de séjour, certificats — sur les sites officiels où elles se font.',
    doesHeading: 'Ce que fait Be Civic',
    does: [
      'Sur une page officielle qu’il connaît (my.belgium.be, IRISbox, l’e-guichet ou l’e-loket de votre commune, pages de rendez-vous), un panneau vous dit dans votre langue quel document cette page vous donne, ce que vous y faites et comment reprendre plus tard.',
      'Il tient la liste de votre dossier : ce que vous avez déjà, ce qui manque et ce qui expire bientôt.',
      'Il prépare un résumé (PDF) à imprimer et à emporter à la commune.',
    ],
    neverHeading: 'Ce que Be Civic ne fait jamais',
    never: [
      'Il ne se connecte jamais à votre place. Vous vous connectez vous-même, avec votre carte eID, itsme ou une autre clé officielle ; Be Civic ne vous demande jamais vos codes.',
      'Il n’envoie jamais vos données nulle part. Tout reste dans ce navigateur, sur cet ordinateur : pas de compte, pas de serveur, pas de statistiques.',
      'Il n’enregistre rien sans que vous le demandiez.',
      'Ce n’est pas un service de l’administration : ce sont les sites officiels et votre commune qui décident.',
    ],
    languageLegend: 'Langue',
    languageSaveFailed: 'Cette page est maintenant dans votre langue, mais le choix n’a pas pu être enregistré :',
    startHeading: 'Commencer',
    startIntro: 'Quelques questions simples trouvent la démarche qui vous correspond et les documents qu’il vous faudra.',
    start: 'Commencer mon premier dossier',
    later: 'Vous pourrez changer de langue plus tard dans les réglages du tableau de bord.',
  },
  nl: {
    pageTitle: 'Welkom bij Be Civic',
    heading: 'Welkom bij Be Civic',
    intro:
      'Be Civic helpt u met administratieve procedures in België — nationaliteitsverklaring, inschrijving als EU-burger, identiteits- en verblijfskaarten, attesten — op de officiële websites waar ze plaatsvinden.',
    doesHeading: 'Wat Be Civic doet',
    does: [
      'Op een officiële pagina die het kent (my.belgium.be, IRISbox, het e-loket of e-guichet van uw gemeente, afsprakenpagina’s) vertelt een paneel u in uw taal welk document deze pagina u geeft, wat u hier doet en hoe u later verdergaat.',
      'Het houdt de checklist van uw dossier bij: wat u al hebt, wat nog ontbreekt en wat binnenkort vervalt.',
      'Het maakt een samenvatting (pdf) die u kunt afdrukken en meenemen naar de gemeente.',
    ],
    neverHeading: 'Wat Be Civic nooit doet',
    never: [
      'Het meldt zich nooit voor u aan. U meldt zich zelf aan, met uw eID, itsme of een andere officiële sleutel; Be Civic vraagt nooit naar uw codes.',
      'Het stuurt uw gegevens nergens naartoe. Alles blijft in deze browser, op deze computer: geen account, geen server, geen statistieken.',
      'Het bewaart niets tenzij u daarom vraagt.',
      'Het is geen overheidsdienst: de officiële websites en uw gemeente beslissen.',
    ],
    languageLegend: 'Taal',
    languageSaveFailed: 'Deze pagina is nu in uw taal, maar de keuze kon niet worden bewaard:',
    startHeading: 'Beginnen',
    startIntro: 'Enkele eenvoudige vragen vinden de procedure die bij u past en de documenten die u nodig hebt.',
    start: 'Mijn eerste dossier beginnen',
    later: 'U kunt de taal later wijzigen in de instellingen van het dashboard.',
  },
  de: {
    pageTitle: 'Willkommen bei Be Civic',
    heading: 'Willkommen bei Be Civic',
    intro:
      'Be Civic begleitet Sie durch Verwaltungsverfahren in Belgien — Staatsangehörigkeitserklärung, Anmeldung als EU-Bürger, Personal- und Aufenthaltskarten, Bescheinigungen — auf den offiziellen Websites, auf denen sie stattfinden.',
    doesHeading: 'Was Be Civic tut',
    does: [
      'Auf einer offiziellen Seite, die es kennt (my.belgium.be, IRISbox, der Online-Schalter Ihrer Gemeinde, Terminseiten), sagt Ihnen ein Bereich am Rand in Ihrer Sprache, welches Dokument Sie auf dieser Seite erhalten, was Sie hier tun und wie Sie später weitermachen.',
      'Es führt die Checkliste Ihrer Akte: was Sie schon haben, was noch fehlt und was bald abläuft.',
      'Es erstellt eine Zusammenfassung (PDF), die Sie ausdrucken und zur Gemeinde mitnehmen können.',
    ],
    neverHeading: 'Was Be Civic niemals tut',
    never: [
      'Es meldet sich niemals für Sie an. Sie melden sich selbst an, mit Ihrer eID, itsme oder einem anderen offiziellen Schlüssel; Be Civic fragt niemals nach Ihren Codes.',
      'Es sendet Ihre Daten nirgendwohin. Alles bleibt in diesem Browser, auf diesem Computer: kein Konto, kein Server, keine Statistiken.',
      'Es speichert nichts, worum Sie es nicht bitten.',
      'Es ist kein Behördendienst: Es entscheiden die offiziellen Websites und Ihre Gemeinde.',
    ],
    languageLegend: 'Sprache',
    languageSaveFailed: 'Diese Seite ist jetzt in Ihrer Sprache, aber die Wahl konnte nicht gespeichert werden:',
    startHeading: 'Loslegen',
    startIntro: 'Ein paar einfache Fragen finden das Verfahren, das zu Ihnen passt, und die Dokumente, die Sie brauchen.',
    start: 'Meine erste Akte anlegen',
    later: 'Sie können die Sprache später in den Einstellungen der Übersicht ändern.',
  },
};
