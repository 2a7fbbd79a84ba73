/**
 * What each refusal of the background (src/model/errors.ts) says to the user, in the four UI
 * languages. Templates with `{param}` slots, not functions: the panel receives its language's table
 * as JSON with its other words (`panel:strings`). The words name what went wrong and what still holds
 * (mostly: nothing was changed), never an internal id, a file or a message type.
 */
import type { Lang } from '../model/lang';
import { AppFailure, type AppError, type ErrorCode } from '../model/errors';

export type ErrorTexts = Record<ErrorCode, string>;

const en: ErrorTexts = {
  'message.malformed': 'Be Civic received a request it could not read. Nothing was changed.',
  'message.unknown-type': 'Be Civic received a request it does not know. Nothing was changed.',
  'message.invalid': 'Be Civic received an incomplete request. Nothing was changed.',
  'sender.unknown': 'This request did not come from Be Civic and was refused.',
  'sender.not-extension-page': 'Only Be Civic’s own pages (the dashboard) may do this. Nothing was changed.',
  'sender.not-catalog-page': 'Be Civic does not know this website, so it changes nothing from it.',
  'slice.wrong-page': 'This tab has moved to another page. Reload the page and try again.',
  'slice.artefact-not-served': 'This page does not give that document, so it cannot change it here.',
  'slice.field-not-captured': 'This page does not show that information, so it cannot be noted from here.',
  'slice.no-tab': 'Be Civic could not tell which page asked. Reload the page and try again.',
  'slice.not-booking-page': 'Appointments are saved from an appointment booking page only.',
  'slice.appointment-exists': 'This appointment is already saved; change it in the dashboard.',
  'unknown.dossier': 'This dossier no longer exists (it may have been deleted in another tab).',
  'unknown.artefact': 'Be Civic no longer knows this document: it was removed from its list.',
  'unknown.source': 'This is not a way to obtain that document.',
  'unknown.page': 'Be Civic no longer knows this page.',
  'unknown.procedure': 'Be Civic no longer knows this procedure.',
  'unknown.commune': 'Be Civic does not know this commune.',
  'unknown.appointment': 'This appointment no longer exists (it may have been deleted in another tab).',
  'unknown.attachment': 'This attached file no longer exists.',
  'input.invalid-date': '“{value}” is not a date Be Civic can read. Write it as on the document, for example 12/05/2026.',
  'input.invalid-file': 'The file did not arrive intact. Attach it again.',
  'input.appointment-other-dossier': 'This appointment belongs to another dossier.',
  'nrn.not-allowed': 'This looks like a national register number, and your settings say not to keep it. Nothing was saved.',
  'nrn.invalid': 'This is not a valid national register number (its check digits do not match). Nothing was saved.',
  'history.invalid': 'This change cannot be undone: what Be Civic kept of it is damaged or belongs to another dossier. Nothing was changed.',
  'store.unavailable': 'This browser does not let Be Civic keep data (a private window, or history never remembered). You can read, but nothing can be saved.',
  'store.newer-version': 'Your data was saved by a newer version of Be Civic. Update the extension; nothing was changed.',
  'store.quota': 'There is no room left for Be Civic’s data in this browser. Nothing was saved; remove attachments you no longer need.',
  'store.failed': 'Saving failed. Nothing was saved; try again.',
  'store.upgrade-failed': 'Be Civic could not update how your data is stored. Nothing was changed; reload the page to try again.',
  'backup.nothing-to-export': 'There is nothing to export: Be Civic cannot open its data in this browser.',
  'backup.not-json': 'This file is not a Be Civic backup (it cannot be read). Nothing was changed.',
  'backup.not-a-backup': 'This file is not a Be Civic backup. Nothing was changed.',
  'backup.newer-version': 'This backup was made by a newer version of Be Civic. Update the extension first; nothing was changed.',
  'backup.transfer-interrupted': 'Moving the backup was interrupted (Be Civic restarted in the meantime). Nothing was changed; try again.',
  'backup.too-large': 'This file is too large for a backup this browser can read. Nothing was changed.',
  'backup.invalid': 'This backup is damaged ({count} problems found). Nothing was changed.',
  internal: 'Something went wrong inside Be Civic. Nothing may have been saved; try again.',
};

const fr: ErrorTexts = {
  'message.malformed': 'Be Civic a reçu une demande illisible. Rien n’a été modifié.',
  'message.unknown-type': 'Be Civic a reçu une demande qu’il ne connaît pas. Rien n’a été modifié.',
  'message.invalid': 'Be Civic a reçu une demande incomplète. Rien n’a été modifié.',
  'sender.unknown': 'Cette demande ne vient pas de Be Civic et a été refusée.',
  'sender.not-extension-page': 'Seules les pages de Be Civic (le tableau de bord) peuvent faire cela. Rien n’a été modifié.',
  'sender.not-catalog-page': 'Be Civic ne connaît pas ce site ; il n’y modifie rien.',
  'slice.wrong-page': 'Cet onglet est passé à une autre page. Rechargez la page et réessayez.',
  'slice.artefact-not-served': 'Cette page ne délivre pas ce document : elle ne peut pas le modifier.',
  'slice.field-not-captured': 'Cette page n’affiche pas cette information : elle ne peut pas être notée ici.',
  'slice.no-tab': 'Be Civic n’a pas pu savoir quelle page demandait. Rechargez la page et réessayez.',
  'slice.not-booking-page': 'Un rendez-vous s’enregistre uniquement depuis une page de prise de rendez-vous.',
  'slice.appointment-exists': 'Ce rendez-vous est déjà enregistré ; modifiez-le dans le tableau de bord.',
  'unknown.dossier': 'Ce dossier n’existe plus (il a peut-être été supprimé dans un autre onglet).',
  'unknown.artefact': 'Be Civic ne connaît plus ce document : il a été retiré de sa liste.',
  'unknown.source': 'Ce n’est pas une façon d’obtenir ce document.',
  'unknown.page': 'Be Civic ne connaît plus cette page.',
  'unknown.procedure': 'Be Civic ne connaît plus cette démarche.',
  'unknown.commune': 'Be Civic ne connaît pas cette commune.',
  'unknown.appointment': 'Ce rendez-vous n’existe plus (il a peut-être été supprimé dans un autre onglet).',
  'unknown.attachment': 'Ce fichier joint n’existe plus.',
  'input.invalid-date': '« {value} » n’est pas une date que Be Civic sait lire. Écrivez-la comme sur le document, par exemple 12/05/2026.',
  'input.invalid-file': 'Le fichier n’est pas arrivé intact. Joignez-le à nouveau.',
  'input.appointment-other-dossier': 'Ce rendez-vous appartient à un autre dossier.',
  'nrn.not-allowed': 'Ceci ressemble à un numéro de registre national, et vos réglages disent de ne pas le garder. Rien n’a été enregistré.',
  'nrn.invalid': 'Ce n’est pas un numéro de registre national valable (les chiffres de contrôle ne correspondent pas). Rien n’a été enregistré.',
  'history.invalid': 'Cette modification ne peut pas être annulée : ce que Be Civic en a gardé est abîmé ou appartient à un autre dossier. Rien n’a été modifié.',
  'store.unavailable': 'Ce navigateur ne permet pas à Be Civic de garder des données (fenêtre privée, ou historique jamais conservé). Vous pouvez consulter, mais rien ne peut être enregistré.',
  'store.newer-version': 'Vos données ont été enregistrées par une version plus récente de Be Civic. Mettez l’extension à jour ; rien n’a été modifié.',
  'store.quota': 'Il n’y a plus de place pour les données de Be Civic dans ce navigateur. Rien n’a été enregistré ; retirez les pièces jointes dont vous n’avez plus besoin.',
  'store.failed': 'L’enregistrement a échoué. Rien n’a été enregistré ; réessayez.',
  'store.upgrade-failed': 'Be Civic n’a pas pu mettre à jour la façon dont vos données sont stockées. Rien n’a été modifié ; rechargez la page pour réessayer.',
  'backup.nothing-to-export': 'Rien à exporter : Be Civic ne peut pas ouvrir ses données dans ce navigateur.',
  'backup.not-json': 'Ce fichier n’est pas une sauvegarde de Be Civic (il est illisible). Rien n’a été modifié.',
  'backup.not-a-backup': 'Ce fichier n’est pas une sauvegarde de Be Civic. Rien n’a été modifié.',
  'backup.newer-version': 'Cette sauvegarde vient d’une version plus récente de Be Civic. Mettez d’abord l’extension à jour ; rien n’a été modifié.',
  'backup.transfer-interrupted': 'Le transfert de la sauvegarde a été interrompu (Be Civic a redémarré entre-temps). Rien n’a été modifié ; réessayez.',
  'backup.too-large': 'Ce fichier est trop grand pour une sauvegarde que ce navigateur peut lire. Rien n’a été modifié.',
  'backup.invalid': 'Cette sauvegarde est abîmée ({count} problèmes trouvés). Rien n’a été modifié.',
  internal: 'Un problème est survenu dans Be Civic. Il se peut que rien n’ait été enregistré ; réessayez.',
};

const nl: ErrorTexts = {
  'message.malformed': 'Be Civic kreeg een verzoek dat het niet kon lezen. Er is niets gewijzigd.',
  'message.unknown-type': 'Be Civic kreeg een verzoek dat het niet kent. Er is niets gewijzigd.',
  'message.invalid': 'Be Civic kreeg een onvolledig verzoek. Er is niets gewijzigd.',
  'sender.unknown': 'Dit verzoek kwam niet van Be Civic en werd geweigerd.',
  'sender.not-extension-page': 'Alleen de eigen pagina’s van Be Civic (het overzicht) mogen dit doen. Er is niets gewijzigd.',
  'sender.not-catalog-page': 'Be Civic kent deze website niet en wijzigt er niets vanuit.',
  'slice.wrong-page': 'Dit tabblad is naar een andere pagina gegaan. Laad de pagina opnieuw en probeer het nog eens.',
  'slice.artefact-not-served': 'Deze pagina levert dat document niet, dus kan ze het hier niet wijzigen.',
  'slice.field-not-captured': 'Deze pagina toont die gegevens niet, dus kunnen ze hier niet worden genoteerd.',
  'slice.no-tab': 'Be Civic kon niet nagaan welke pagina het vroeg. Laad de pagina opnieuw en probeer het nog eens.',
  'slice.not-booking-page': 'Een afspraak wordt alleen bewaard vanaf een pagina om afspraken te maken.',
  'slice.appointment-exists': 'Deze afspraak is al bewaard; wijzig ze in het overzicht.',
  'unknown.dossier': 'Dit dossier bestaat niet meer (misschien is het in een ander tabblad verwijderd).',
  'unknown.artefact': 'Be Civic kent dit document niet meer: het is uit de lijst gehaald.',
  'unknown.source': 'Dit is geen manier om dat document te krijgen.',
  'unknown.page': 'Be Civic kent deze pagina niet meer.',
  'unknown.procedure': 'Be Civic kent deze procedure niet meer.',
  'unknown.commune': 'Be Civic kent deze gemeente niet.',
  'unknown.appointment': 'Deze afspraak bestaat niet meer (misschien is ze in een ander tabblad verwijderd).',
  'unknown.attachment': 'Dit bijgevoegde bestand bestaat niet meer.',
  'input.invalid-date': '„{value}” is geen datum die Be Civic kan lezen. Schrijf ze zoals op het document, bijvoorbeeld 12/05/2026.',
  'input.invalid-file': 'Het bestand is niet heel aangekomen. Voeg het opnieuw toe.',
  'input.appointment-other-dossier': 'Deze afspraak hoort bij een ander dossier.',
  'nrn.not-allowed': 'Dit lijkt op een rijksregisternummer, en volgens uw instellingen wordt het niet bewaard. Er is niets bewaard.',
  'nrn.invalid': 'Dit is geen geldig rijksregisternummer (de controlecijfers kloppen niet). Er is niets bewaard.',
  'history.invalid': 'Deze wijziging kan niet ongedaan worden gemaakt: wat Be Civic ervan bewaarde is beschadigd of hoort bij een ander dossier. Er is niets gewijzigd.',
  'store.unavailable': 'Deze browser laat Be Civic geen gegevens bewaren (privévenster, of geschiedenis wordt nooit onthouden). U kunt lezen, maar niets kan worden bewaard.',
  'store.newer-version': 'Uw gegevens zijn bewaard door een nieuwere versie van Be Civic. Werk de extensie bij; er is niets gewijzigd.',
  'store.quota': 'Er is geen plaats meer voor de gegevens van Be Civic in deze browser. Er is niets bewaard; verwijder bijlagen die u niet meer nodig hebt.',
  'store.failed': 'Het bewaren is mislukt. Er is niets bewaard; probeer het opnieuw.',
  'store.upgrade-failed': 'Be Civic kon de manier waarop uw gegevens bewaard worden niet bijwerken. Er is niets gewijzigd; laad de pagina opnieuw om het nog eens te proberen.',
  'backup.nothing-to-export': 'Er is niets te exporteren: Be Civic kan zijn gegevens in deze browser niet openen.',
  'backup.not-json': 'Dit bestand is geen back-up van Be Civic (het is onleesbaar). Er is niets gewijzigd.',
  'backup.not-a-backup': 'Dit bestand is geen back-up van Be Civic. Er is niets gewijzigd.',
  'backup.newer-version': 'Deze back-up komt van een nieuwere versie van Be Civic. Werk eerst de extensie bij; er is niets gewijzigd.',
  'backup.transfer-interrupted': 'Het overzetten van de back-up werd onderbroken (Be Civic is intussen opnieuw gestart). Er is niets gewijzigd; probeer het opnieuw.',
  'backup.too-large': 'Dit bestand is te groot voor een back-up die deze browser kan lezen. Er is niets gewijzigd.',
  'backup.invalid': 'Deze back-up is beschadigd ({count} problemen gevonden). Er is niets gewijzigd.',
  internal: 'Er ging iets mis in Be Civic. Misschien is er niets bewaard; probeer het opnieuw.',
};

const de: ErrorTexts = {
  'message.malformed': 'Be Civic hat eine Anfrage erhalten, die es nicht lesen konnte. Nichts wurde geändert.',
  'message.unknown-type': 'Be Civic hat eine Anfrage erhalten, die es nicht kennt. Nichts wurde geändert.',
  'message.invalid': 'Be Civic hat eine unvollständige Anfrage erhalten. Nichts wurde geändert.',
  'sender.unknown': 'Diese Anfrage kam nicht von Be Civic und wurde abgelehnt.',
  'sender.not-extension-page': 'Nur die eigenen Seiten von Be Civic (die Übersicht) dürfen das. Nichts wurde geändert.',
  'sender.not-catalog-page': 'Be Civic kennt diese Website nicht und ändert von ihr aus nichts.',
  'slice.wrong-page': 'Dieser Tab ist auf einer anderen Seite. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  'slice.artefact-not-served': 'Diese Seite stellt dieses Dokument nicht aus und kann es hier daher nicht ändern.',
  'slice.field-not-captured': 'Diese Seite zeigt diese Angabe nicht; sie kann hier nicht notiert werden.',
  'slice.no-tab': 'Be Civic konnte nicht erkennen, welche Seite gefragt hat. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  'slice.not-booking-page': 'Termine werden nur von einer Seite zur Terminbuchung aus gespeichert.',
  'slice.appointment-exists': 'Dieser Termin ist schon gespeichert; ändern Sie ihn in der Übersicht.',
  'unknown.dossier': 'Diese Akte gibt es nicht mehr (vielleicht wurde sie in einem anderen Tab gelöscht).',
  'unknown.artefact': 'Be Civic kennt dieses Dokument nicht mehr: es wurde aus der Liste entfernt.',
  'unknown.source': 'Auf diesem Weg bekommt man dieses Dokument nicht.',
  'unknown.page': 'Be Civic kennt diese Seite nicht mehr.',
  'unknown.procedure': 'Be Civic kennt dieses Verfahren nicht mehr.',
  'unknown.commune': 'Be Civic kennt diese Gemeinde nicht.',
  'unknown.appointment': 'Diesen Termin gibt es nicht mehr (vielleicht wurde er in einem anderen Tab gelöscht).',
  'unknown.attachment': 'Diese angehängte Datei gibt es nicht mehr.',
  'input.invalid-date': '„{value}“ ist kein Datum, das Be Civic lesen kann. Schreiben Sie es wie auf dem Dokument, zum Beispiel 12.05.2026.',
  'input.invalid-file': 'Die Datei ist nicht vollständig angekommen. Hängen Sie sie noch einmal an.',
  'input.appointment-other-dossier': 'Dieser Termin gehört zu einer anderen Akte.',
  'nrn.not-allowed': 'Das sieht aus wie eine Nationalregisternummer, und laut Ihren Einstellungen wird sie nicht behalten. Nichts wurde gespeichert.',
  'nrn.invalid': 'Das ist keine gültige Nationalregisternummer (die Prüfziffern stimmen nicht). Nichts wurde gespeichert.',
  'history.invalid': 'Diese Änderung kann nicht rückgängig gemacht werden: Was Be Civic davon aufbewahrt hat, ist beschädigt oder gehört zu einem anderen Dossier. Nichts wurde geändert.',
  'store.unavailable': 'Dieser Browser lässt Be Civic keine Daten speichern (privates Fenster, oder der Verlauf wird nie gespeichert). Sie können lesen, aber nichts kann gespeichert werden.',
  'store.newer-version': 'Ihre Daten wurden von einer neueren Version von Be Civic gespeichert. Aktualisieren Sie die Erweiterung; nichts wurde geändert.',
  'store.quota': 'Für die Daten von Be Civic ist in diesem Browser kein Platz mehr. Nichts wurde gespeichert; entfernen Sie Anhänge, die Sie nicht mehr brauchen.',
  'store.failed': 'Das Speichern ist fehlgeschlagen. Nichts wurde gespeichert; versuchen Sie es noch einmal.',
  'store.upgrade-failed': 'Be Civic konnte die Art, wie Ihre Daten gespeichert sind, nicht aktualisieren. Nichts wurde geändert; laden Sie die Seite neu, um es noch einmal zu versuchen.',
  'backup.nothing-to-export': 'Es gibt nichts zu exportieren: Be Civic kann seine Daten in diesem Browser nicht öffnen.',
  'backup.not-json': 'Diese Datei ist keine Sicherung von Be Civic (sie ist nicht lesbar). Nichts wurde geändert.',
  'backup.not-a-backup': 'Diese Datei ist keine Sicherung von Be Civic. Nichts wurde geändert.',
  'backup.newer-version': 'Diese Sicherung stammt von einer neueren Version von Be Civic. Aktualisieren Sie zuerst die Erweiterung; nichts wurde geändert.',
  'backup.transfer-interrupted': 'Die Übertragung der Sicherung wurde unterbrochen (Be Civic wurde inzwischen neu gestartet). Nichts wurde geändert; versuchen Sie es noch einmal.',
  'backup.too-large': 'Diese Datei ist zu groß für eine Sicherung, die dieser Browser lesen kann. Nichts wurde geändert.',
  'backup.invalid': 'Diese Sicherung ist beschädigt ({count} Probleme gefunden). Nichts wurde geändert.',
  internal: 'In Be Civic ist etwas schiefgegangen. Möglicherweise wurde nichts gespeichert; versuchen Sie es noch einmal.',
};

export const ERROR_TEXTS: Record<Lang, ErrorTexts> = { en, fr, nl, de };

/**
 * A refusal in words from one language's table: an AppFailure thrown by a client, or an AppError
 * carried in a view (PageState.storageProblem); anything else is an internal failure. A slot without
 * its parameter shows "…". The table itself tells the codes (no code list: the content script uses this).
 */
export function describeError(error: unknown, texts: ErrorTexts): string {
  const { code, params } = error instanceof AppFailure ? error.toAppError() : (error as Partial<AppError> | null) ?? {};
  const text = typeof code === 'string' && Object.hasOwn(texts, code) ? texts[code] : texts.internal;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? '…'));
}

export function errorText(error: unknown, lang: Lang): string {
  return describeError(error, ERROR_TEXTS[lang]);
}
