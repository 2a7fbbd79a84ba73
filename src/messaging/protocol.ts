/**
 * Every message between the content script, the extension pages and the background, declared once:
 * its name, who may send it, the schema of its payload (checked by the background on arrival) and the
 * type of its answer. Schemas use zod/mini, the small build of zod; the content script only imports
 * the types of this file (see client.ts), so no schema code ends up in its bundle.
 */
import * as z from 'zod/mini';
import type { Lang } from '../i18n';

const lang = z.enum(['fr', 'nl', 'de', 'en']);
const id = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * `content`: only a content script on a catalog host may send it, and only for its own page's slice.
 * `page`: only an extension page (dashboard, welcome) may send it — bulk and destructive operations.
 * `any`: either.
 */
export type Origin = 'content' | 'page' | 'any';

export const PROTOCOL = {
  'page:describe': {
    from: 'content',
    request: z.strictObject({ page: id, lang }),
  },
  'catalog:procedures': {
    from: 'page',
    request: z.strictObject({ lang }),
  },
} satisfies Record<string, { from: Origin; request: z.ZodMiniType }>;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;

/** A catalog text after localisation: the string, and whether it is in another language than asked. */
export interface Shown {
  text: string;
  lang: Lang;
  fallback: boolean;
}

export interface SourceView {
  id: string;
  label: Shown;
  kind: string;
  agentDoes: Shown;
  userDoes: Shown;
  toResume: Shown;
  confirmedByUser: boolean;
}

export interface PageDescription {
  page: string;
  pageTitle: Shown;
  portal: string;
  portalName: Shown;
  role: 'service' | 'login' | 'booking' | 'information';
  explains?: Shown;
  artefacts: Array<{ id: string; title: Shown; sources: SourceView[] }>;
  capture: Array<{ id: string; label: Shown; kind: string }>;
}

export interface ResponseMap {
  'page:describe': PageDescription;
  'catalog:procedures': Array<{ id: string; title: Shown }>;
}
export type ResponseOf<T extends MessageType> = ResponseMap[T];

/** What crosses the wire: a named message, and an answer that is either data or an error message. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: string };

/** Validates an arrival; never throws. */
export function parseEnvelope(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'message must be an object' };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return { ok: false, error: `unknown message type ${JSON.stringify(type)?.slice(0, 60)}` };
  const def = PROTOCOL[type as MessageType];
  const parsed = def.request.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `invalid ${type}: ${first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'bad payload'}` };
  }
  return { ok: true, envelope: { type: type as MessageType, payload: parsed.data } as Envelope };
}
