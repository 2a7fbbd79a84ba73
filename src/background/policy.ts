/**
 * The access policy, in one place: every message passes `admit` before its handler runs. It decides
 * who may send what (extension pages for bulk and destructive operations, content scripts only on a
 * catalog host) and, for a content script, which slice of the user's data its page may read or change.
 * The slice comes from the sender tab's URL (never from what the message claims), matched against
 * the compiled catalog's pages by host and path. Pages that the recogniser tells apart by DOM signals
 * are matched here by URL alone, which can only widen the slice to pages sharing that URL, never to
 * another site.
 */
import type { CompiledCatalog, CompiledPage } from '../catalog/compiled';
import type { AppError } from '../model/errors';
import { PROTOCOL, type MessageType, type RequestOf } from '../messaging/protocol';
import type { SenderInfo } from '../messaging/router';
import { hostMatches, pathMatches } from '../recognise';

function pagesAt(catalog: CompiledCatalog, url: string | undefined): CompiledPage[] {
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

/** The artefacts the catalog pages at this URL serve. */
function artefactsServedAt(catalog: CompiledCatalog, url: string | undefined): Set<string> {
  return new Set(pagesAt(catalog, url).flatMap((page) => page.serves.map((s) => s.artefact)));
}

/** The capture fields (by id, with their kind) the catalog pages at this URL declare. */
function capturesAt(catalog: CompiledCatalog, url: string | undefined): Map<string, string> {
  return new Map(pagesAt(catalog, url).flatMap((page) => page.capture.map((c) => [c.id, c.kind] as const)));
}

/** The host of the sender's tab, when it has a readable one. */
export function senderHost(sender: SenderInfo): string | undefined {
  try {
    return sender.tabUrl ? new URL(sender.tabUrl).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The kind of a capture field: from a content script, as its own page declares it; from an extension page, as any page does. */
export function captureKind(catalog: CompiledCatalog, sender: SenderInfo, field: string): string | undefined {
  if (!sender.fromExtensionPage) return capturesAt(catalog, sender.tabUrl).get(field);
  return catalog.pages.flatMap((p) => p.capture).find((c) => c.id === field)?.kind;
}

const HOSTS = new WeakMap<CompiledCatalog, string[]>();

/** Every host pattern of the catalog's pages, computed once per catalog. */
export function catalogHosts(catalog: CompiledCatalog): string[] {
  let hosts = HOSTS.get(catalog);
  if (!hosts) HOSTS.set(catalog, (hosts = [...new Set(catalog.pages.flatMap((p) => p.hosts))]));
  return hosts;
}

/** Whether a catalog host serves this URL: the only places a content script is listened to. */
function isCatalogUrl(catalog: CompiledCatalog, url: string): boolean {
  const hosts = catalogHosts(catalog);
  try {
    const host = new URL(url).hostname;
    return hosts.some((pattern) => hostMatches(pattern, host));
  } catch {
    return false;
  }
}

type SliceRule<T extends MessageType> = (payload: RequestOf<T>, at: { catalog: CompiledCatalog; url: string | undefined; sender: SenderInfo }) => AppError | undefined;

const onPage = (catalog: CompiledCatalog, url: string | undefined, page: string) => pagesAt(catalog, url).some((p) => p.id === page);
const serves = (catalog: CompiledCatalog, url: string | undefined, artefact: string): AppError | undefined =>
  artefactsServedAt(catalog, url).has(artefact) ? undefined : { code: 'slice.artefact-not-served', params: { artefact } };

/**
 * What a content script's page may touch, per message. A message without a rule carries nothing of
 * the user's (catalog texts, the panel's words) or only acts on the sender's own host.
 */
const SLICE_RULES: { [T in MessageType]?: SliceRule<T> } = {
  // The form comes from the page's DOM as the content script read it: it can only narrow the slice to
  // one artefact the page at this URL serves anyway.
  'page:state': ({ page, form }, { catalog, url }) =>
    !onPage(catalog, url, page) ? { code: 'slice.wrong-page', params: { page } } : form !== undefined ? serves(catalog, url, form) : undefined,
  'panel:collapse': (_, { sender }) => (senderHost(sender) ? undefined : { code: 'slice.no-tab' }),
  'progress:set-status': ({ artefact }, { catalog, url }) => serves(catalog, url, artefact),
  'progress:capture': ({ artefact, field, page }, { catalog, url }) => {
    const refused = serves(catalog, url, artefact);
    if (refused) return refused;
    if (!capturesAt(catalog, url).has(field)) return { code: 'slice.field-not-captured', params: { field } };
    if (page !== undefined && !onPage(catalog, url, page)) return { code: 'slice.wrong-page', params: { page } };
    return undefined;
  },
  // A booking page may add an appointment; changing an existing one is checked by the handler, which reads it.
  'appointment:save': (_, { catalog, url }) => (pagesAt(catalog, url).some((p) => p.role === 'booking') ? undefined : { code: 'slice.not-booking-page' }),
};

/** Whether `sender` may send this (already validated) message; the refusal when not. */
export function admit<T extends MessageType>(catalog: CompiledCatalog, type: T, payload: RequestOf<T>, sender: SenderInfo): AppError | undefined {
  const from = PROTOCOL[type].from as 'content' | 'page' | 'any';
  if (sender.fromExtensionPage) return undefined;
  if (from === 'page') return { code: 'sender.not-extension-page', params: { type } };
  if (!sender.tabUrl || !isCatalogUrl(catalog, sender.tabUrl)) return { code: 'sender.not-catalog-page', params: { type } };
  const rule = SLICE_RULES[type] as SliceRule<T> | undefined;
  return rule?.(payload, { catalog, url: sender.tabUrl, sender });
}
