/**
 * The access policy, in one place: every message passes `admit` before its handler runs. It decides
 * who may send what — extension pages for bulk and destructive operations; a content script, in the
 * top frame of a catalog page only, for recognition and the page's reading; the panel frame for the
 * slice of the page its tab's content script recognised — and which slice a sender's page may read or
 * change. A content script's slice comes from its own URL (never from what the message claims),
 * matched against the compiled catalog's pages by host and path; a page it says it recognised must be
 * one of those (pages told apart by DOM signals share a URL, so this can only pick among pages of that
 * URL, never another site's). The panel frame gets exactly the one page recorded for its tab.
 */
import type { CompiledCatalog, CompiledPage } from '../catalog/compiled';
import type { AppError } from '../model/errors';
import { PROTOCOL, type MessageType, type Origin, type RequestOf } from '../messaging/protocol';
import type { SenderInfo } from '../messaging/router';
import { hostMatches, pathMatches } from '../recognise';

export function pagesAt(catalog: CompiledCatalog, url: string | undefined): CompiledPage[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'https:') return [];
  const host = parsed.hostname.toLowerCase();
  return catalog.pages.filter(
    (page) =>
      page.hosts.some((h) => hostMatches(h, host)) &&
      page.paths.some((p) => pathMatches(p, parsed.pathname)) &&
      !page.except_paths?.some((p) => pathMatches(p, parsed.pathname)),
  );
}

/** The host of the sender's page (a content script's own, the panel's tab's), when it has a readable one. */
export function senderHost(sender: SenderInfo): string | undefined {
  try {
    return sender.tabUrl ? new URL(sender.tabUrl).hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The catalog pages a sender speaks for: a content script, the pages at its own URL; the panel frame,
 * exactly the page its tab's content script recognised (and only while that URL still fits it).
 */
function senderPages(catalog: CompiledCatalog, sender: SenderInfo): CompiledPage[] {
  const atUrl = pagesAt(catalog, sender.tabUrl);
  if (sender.kind !== 'panel') return atUrl;
  return atUrl.filter((p) => p.id === sender.page);
}

/** The kind of a capture field: from the panel, as its own page declares it; from an extension page, as any page does. */
export function captureKind(catalog: CompiledCatalog, sender: SenderInfo, field: string): string | undefined {
  if (!sender.fromExtensionPage) return senderPages(catalog, sender).flatMap((p) => p.capture).find((c) => c.id === field)?.kind;
  return catalog.pages.flatMap((p) => p.capture).find((c) => c.id === field)?.kind;
}

const HOSTS = new WeakMap<CompiledCatalog, string[]>();

/** Every host pattern of the catalog's pages, computed once per catalog. */
export function catalogHosts(catalog: CompiledCatalog): string[] {
  let hosts = HOSTS.get(catalog);
  if (!hosts) HOSTS.set(catalog, (hosts = [...new Set(catalog.pages.flatMap((p) => p.hosts))]));
  return hosts;
}

/** Whether a catalog host serves this URL over https: the only documents whose content script is listened to. */
export function isCatalogUrl(catalog: CompiledCatalog, url: string): boolean {
  const hosts = catalogHosts(catalog);
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && hosts.some((pattern) => hostMatches(pattern, parsed.hostname));
  } catch {
    return false;
  }
}

type SliceRule<T extends MessageType> = (payload: RequestOf<T>, pages: CompiledPage[], sender: SenderInfo) => AppError | undefined;

const onPage = (pages: CompiledPage[], page: string) => pages.some((p) => p.id === page);
const serves = (pages: CompiledPage[], artefact: string): AppError | undefined =>
  pages.some((p) => p.serves.some((s) => s.artefact === artefact)) ? undefined : { code: 'slice.artefact-not-served', params: { artefact } };

/**
 * What a content script's or the panel's page may touch, per message. A message without a rule
 * carries nothing of the user's (catalog texts, the panel's words) or only acts on the sender's own tab.
 */
const sameOrigin = (a: string, b: string | undefined) => {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

const SLICE_RULES: { [T in MessageType]?: SliceRule<T> } = {
  // The document's address now (after a single-page navigation), only within the sender's own origin.
  'page:recognise': ({ url }, _pages, sender) => (sameOrigin(url, sender.tabUrl) ? undefined : { code: 'sender.not-catalog-page', params: { type: 'page:recognise' } }),
  'page:describe': ({ page }, pages) => (onPage(pages, page) ? undefined : { code: 'slice.wrong-page', params: { page } }),
  // The form comes from the tab's recognition (the page's title and headings as its content script read
  // them): it can only narrow the slice to one artefact the page at this URL serves anyway.
  'page:state': ({ page, form }, pages) =>
    !onPage(pages, page) ? { code: 'slice.wrong-page', params: { page } } : form !== undefined ? serves(pages, form) : undefined,
  'panel:collapse': (_, _pages, sender) => (senderHost(sender) ? undefined : { code: 'slice.no-tab' }),
  'progress:set-status': ({ artefact }, pages) => serves(pages, artefact),
  'progress:capture': ({ artefact, field, page }, pages) => {
    const refused = serves(pages, artefact);
    if (refused) return refused;
    if (!pages.some((p) => p.capture.some((c) => c.id === field))) return { code: 'slice.field-not-captured', params: { field } };
    if (page !== undefined && !onPage(pages, page)) return { code: 'slice.wrong-page', params: { page } };
    return undefined;
  },
  // A booking page may add an appointment; changing an existing one is checked by the handler, which reads it.
  'appointment:save': (_, pages) => (pages.some((p) => p.role === 'booking') ? undefined : { code: 'slice.not-booking-page' }),
  'booking:read': (_, pages) => (pages.some((p) => p.role === 'booking') ? undefined : { code: 'slice.not-booking-page' }),
  'guide:targets': (_, pages) => (pages.some((p) => p.role === 'booking') ? undefined : { code: 'slice.not-booking-page' }),
};

/** Messages the panel sends about its tab's page: refused while the tab's content script has recognised none. */
const NEEDS_PAGE = new Set<MessageType>(['panel:open', 'page:describe', 'page:state', 'progress:set-status', 'progress:capture', 'appointment:save', 'booking:read', 'panel:selection', 'panel:show-service']);

/** Whether `sender` may send this (already validated) message; the refusal when not. */
export function admit<T extends MessageType>(catalog: CompiledCatalog, type: T, payload: RequestOf<T>, sender: SenderInfo): AppError | undefined {
  const from = PROTOCOL[type].from as Origin;
  if (sender.fromExtensionPage) return from === 'page' || from === 'panel+page' ? undefined : { code: 'sender.wrong-kind', params: { type } };
  if (from === 'page') return { code: 'sender.not-extension-page', params: { type } };
  if (!sender.tabUrl || !isCatalogUrl(catalog, sender.tabUrl)) {
    return sender.kind === 'panel' && NEEDS_PAGE.has(type) ? { code: 'slice.no-page' } : { code: 'sender.not-catalog-page', params: { type } };
  }
  const panel = sender.kind === 'panel';
  if (panel ? from === 'content' : from !== 'content') return { code: 'sender.wrong-kind', params: { type } };
  if (panel && NEEDS_PAGE.has(type) && !sender.page) return { code: 'slice.no-page' };
  const rule = SLICE_RULES[type] as SliceRule<T> | undefined;
  return rule?.(payload, senderPages(catalog, sender), sender);
}
