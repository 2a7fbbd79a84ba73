/**
 * The shape of every catalog file, in zod. Used at build time only (the CLI, the compile step and the
 * tests): the extension itself ships the compiled index, never this module, so classic zod stays out
 * of the bundles. The shape follows seed 000 (one artefact, its sources, their steps), widened to
 * procedures, portal pages and communes.
 */
import { z } from 'zod';
import { LANGS, OFFICIAL_LANGS } from '../model/lang';

export type { Lang } from '../model/lang';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by dashes (e.g. id-card-certified-copy)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A text in the four UI languages; French is required because every seed is French-first. */
export const LocalText = z.strictObject({
  fr: z.string().min(1),
  nl: z.string().min(1).optional(),
  de: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});

/**
 * Where a fact comes from: a seed document (`seeds/NNN_….txt`) or a public page's URL. Plain http is
 * accepted here (and only here) because a few commune pages were found only at an http address, and a
 * provenance must name the page as it was read.
 */
/**
 * A few facts were seen only in public code whose repository the search could not name: those say
 * so (`unnamed public code: <what was seen>`), and their entries mark the fact unverified in notes.
 */
const provenanceRef = z
  .string()
  .regex(
    /^(seeds\/\d{3}_[0-9a-f]{16}\.txt|https?:\/\/\S+|unnamed public code: .+)$/,
    'expected seeds/NNN_<hash>.txt, an https:// URL or "unnamed public code: <what was seen>"',
  );
const provenance = {
  provenance: z.array(provenanceRef).min(1),
  last_verified: isoDate,
};

export const Region = z.enum(['federal', 'brussels', 'wallonia', 'flanders', 'german-community', 'abroad']);

export const Money = z.union([
  z.strictObject({ fixed: z.number().nonnegative() }),
  z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() }),
  z.strictObject({ per_commune: z.literal(true), min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() }),
]);

/** A duration such as a validity window or a processing delay. */
export const Duration = z
  .strictObject({
    hours: z.number().int().positive().optional(),
    days: z.number().int().positive().optional(),
    /** Working days (jours ouvrables / werkdagen), as communes state their delays. */
    working_days: z.number().int().positive().optional(),
    weeks: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    years: z.number().int().positive().optional(),
  })
  .refine((d) => Object.keys(d).length > 0, 'a duration needs hours, days, working days, weeks, months or years');

/**
 * A condition over the answers to a procedure's set-up questions. Kept small on purpose: the dashboard
 * evaluates it, the catalog check verifies that every fact it names is a declared question.
 */
export type Condition =
  | { fact: string; equals: string | number | boolean }
  | { fact: string; in: (string | number)[] }
  | { fact: string; at_least: number }
  | { fact: string; below: number }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: id, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ fact: id, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ fact: id, at_least: z.number() }),
    z.strictObject({ fact: id, below: z.number() }),
    z.strictObject({ not: Condition }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

/** A node of a requirement tree: a group (all of / one of) or a leaf naming an artefact. */
export type RequirementNode =
  | { id: string; label?: z.infer<typeof LocalText>; when?: Condition; note?: z.infer<typeof LocalText>; allOf: RequirementNode[] }
  | { id: string; label?: z.infer<typeof LocalText>; when?: Condition; note?: z.infer<typeof LocalText>; oneOf: RequirementNode[] }
  | { id: string; label?: z.infer<typeof LocalText>; when?: Condition; note?: z.infer<typeof LocalText>; artefact: string };
const nodeCommon = { id, label: LocalText.optional(), when: Condition.optional(), note: LocalText.optional() };
export const RequirementNode: z.ZodType<RequirementNode> = z.lazy(() =>
  z.union([
    z.strictObject({ ...nodeCommon, allOf: z.array(RequirementNode).min(1) }),
    z.strictObject({ ...nodeCommon, oneOf: z.array(RequirementNode).min(2) }),
    z.strictObject({ ...nodeCommon, artefact: id }),
  ]),
);

export const Question = z.strictObject({
  id,
  label: LocalText,
  help: LocalText.optional(),
  kind: z.enum(['boolean', 'number', 'choice', 'country', 'date']),
  choices: z.array(z.strictObject({ id, label: LocalText })).optional(),
  when: Condition.optional(),
});

export const Procedure = z.strictObject({
  id,
  title: LocalText,
  summary: LocalText.optional(),
  authority: LocalText,
  legal_basis: z.string().min(1),
  regions: z.array(Region).min(1),
  questions: z.array(Question).default([]),
  /**
   * Conditions of eligibility, each a plain sentence. `when` says when the rule applies (e.g. to one
   * paragraph of the law), `requires` what the set-up answers must satisfy for it to hold; a rule whose
   * `requires` fails is the reason the dashboard gives for "not this one".
   */
  eligibility: z.array(z.strictObject({ id, text: LocalText, when: Condition.optional(), requires: Condition.optional() })).default([]),
  requirements: RequirementNode,
  fees: z
    .array(z.strictObject({ id, label: LocalText, amount: Money, when: Condition.optional(), note: LocalText.optional() }))
    .default([]),
  delays: z
    .array(
      z.strictObject({
        id,
        label: LocalText,
        /** The usual or maximum delay; `at_least` when the text gives a lower bound (e.g. a 3-to-5-day delivery). */
        duration: Duration.optional(),
        at_least: Duration.optional(),
        when: Condition.optional(),
        note: LocalText.optional(),
      }),
    )
    .default([]),
  visits: z
    .array(
      z.strictObject({
        id,
        label: LocalText,
        who: LocalText.optional(),
        bring: z.array(id).default([]),
        /** How the visit is booked: an appointment is required, it is a walk-in, or either. */
        appointment: z.enum(['required', 'walk-in', 'optional']).optional(),
        /** The desk refuses the file unless every document is there (e.g. EU registration since 1 September 2025). */
        requires_complete_file: z.boolean().default(false),
        /** Only for some applicants (e.g. one status of an EU registration); over the set-up questions. */
        when: Condition.optional(),
        note: LocalText.optional(),
      }),
    )
    .default([]),
  notes: z.array(LocalText).default([]),
  ...provenance,
});

export const SourceKind = z.enum([
  'deeplink-to-auth-wall',
  'online-request',
  'download',
  'commune-visit',
  'consulate-visit',
  'post',
  'e-box',
  'email',
  'phone',
  'third-party',
]);

export const AuthMeans = z.enum(['itsme', 'eid', 'mygov.be', 'smart-id', 'security-code-app', 'token', 'eidas', 'none']);

export const Source = z.strictObject({
  id,
  label: LocalText,
  priority: z.number().int().min(0).max(100),
  regions: z.array(Region).min(1),
  authentication: z.strictObject({ scheme: z.enum(['csam', 'irisbox', 'burgerprofiel', 'imio', 'none']), means: z.array(AuthMeans).min(1) }).optional(),
  kind: SourceKind,
  url: z.string().regex(/^https:\/\//, 'expected an https:// URL').optional(),
  desk: LocalText.optional(),
  delivery: z.enum(['user-driven-after-auth', 'instant-download', 'in-person', 'post', 'e-box', 'email', 'on-the-spot']),
  primary_actor: z.enum(['user', 'commune', 'consulate', 'authority', 'third-party']),
  handoff: z.enum(['full-takeover', 'physical-presence', 'guided', 'none']),
  agent_does: LocalText,
  user_does: LocalText,
  to_resume: LocalText,
  notes: LocalText.optional(),
  fallback_only: z.boolean().default(false),
  confirmed_by_user: z.boolean().default(false),
  fee: Money.optional(),
  delay: Duration.optional(),
  ...provenance,
});

export const Artefact = z.strictObject({
  id,
  title: LocalText,
  official_name: z.string().optional(),
  description: LocalText,
  authority: LocalText,
  applies_to: LocalText,
  validity: z
    .strictObject({
      issued_within: Duration.optional(),
      valid_for: Duration.optional(),
      note: LocalText.optional(),
    })
    .optional(),
  sources: z.array(Source).min(1),
  ...provenance,
});

/**
 * Host patterns are bare host names, optionally with a leading `*.` for any sub-domain (never under a
 * public suffix: checked at load), or `[www.]host` for a site that serves both `www.host` and `host`.
 */
const hostPattern = z
  .string()
  .regex(/^(\*\.|\[www\.\])?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a host without protocol or path, e.g. my.belgium.be, [www.]justonweb.be or *.example.be');
/** A host template of a platform: `{tenant}` is the commune's tenant name on that platform. */
const hostTemplate = z.string().regex(/^[a-z0-9.-]*\{tenant\}[a-z0-9.-]*\.[a-z0-9-]+$/, 'expected a host template with {tenant}, e.g. {tenant}-formulaires.guichet-citoyen.be');
/** Path patterns start with `/`; `*` matches within one segment, `**` across segments. */
const pathPattern = z.string().regex(/^\/[^\s?#]*$/, 'expected a path starting with /, without query or fragment');

export const CaptureKind = z.enum(['reference', 'date-of-issue', 'expiry-date', 'document', 'appointment', 'national-register-number', 'text', 'amount']);

/** The e-guichet platforms and site families communes use. */
export const Platform = z.enum(['irisbox', 'imio', 'e-loket', 'mybxl', 'egovflow', 'other']);

export const PortalPage = z.strictObject({
  id,
  title: LocalText,
  /** Fixed hosts (federal and regional portals). */
  hosts: z.array(hostPattern).default([]),
  /**
   * Hosts that come from the commune data instead, for every commune the portal applies to: its
   * e-guichet host, its forms host, or its website (with and without `www.`).
   */
  commune_hosts: z.enum(['eguichet', 'forms', 'website']).optional(),
  paths: z.array(pathPattern).min(1),
  /** Paths under `paths` that are never this page (a back office, an API, a theme skeleton). */
  except_paths: z.array(pathPattern).default([]),
  /**
   * A page of a portal with many forms: which form it is comes from the catalog's lexicon (the
   * artefact named in the path, the title or a heading), or from a code in the URL (`keys`). The
   * artefacts it can be are the ones it `serves`. `required`: a page that names none of them (nor a
   * topic of the lexicon) is not this page.
   */
  forms: z.strictObject({ keys: z.record(z.string().min(1), id).optional(), required: z.boolean().default(false) }).optional(),
  signals: z
    .strictObject({
      title: z.string().optional(),
      heading: z.string().optional(),
      selector: z.string().optional(),
    })
    .refine((s) => Object.keys(s).length > 0, 'signals need a title, heading or selector')
    .optional(),
  role: z.enum(['service', 'login', 'booking', 'information']).default('service'),
  /**
   * What the page serves: an artefact, and the artefact's source that describes the steps here. A
   * source is left out where the catalog has no text for this channel yet (the page still names it).
   */
  serves: z.array(z.strictObject({ artefact: id, source: id.optional() })).default([]),
  capture: z
    .array(z.strictObject({ id, label: LocalText, kind: CaptureKind, hint: LocalText.optional() }))
    .default([]),
  explains: LocalText.optional(),
  /**
   * For multi-step pages (booking sites): each step the panel can recognise on the page, what it asks,
   * and whether to point at the service the dossier needs (the commune's `booking[].services[].choose`).
   */
  guide: z
    .array(
      z.strictObject({
        id,
        /** The step is showing when this holds (a selector, heading or title, as page signals). */
        when: z.strictObject({ title: z.string().optional(), heading: z.string().optional(), selector: z.string().optional() }),
        explain: LocalText,
        highlight_service: z.boolean().default(false),
        fields: z.array(z.strictObject({ selector: z.string().min(1), explain: LocalText })).default([]),
        /** The confirmation step: offer to capture the appointment (after the user confirms it). */
        confirmation: z.boolean().default(false),
      }),
    )
    .default([]),
  /** What is known and not known about this page (e.g. a path that could not be verified). */
  notes: LocalText.optional(),
  examples: z.array(z.string().url()).min(1),
  ...provenance,
});

export const Portal = z.strictObject({
  id,
  name: LocalText,
  operator: LocalText,
  regions: z.array(Region).min(1),
  /** 'install' hosts are asked for when the extension is installed; 'on-demand' ones (commune sites) only when the user picks that commune. */
  access: z.enum(['install', 'on-demand']).default('install'),
  /**
   * A platform family written once: its pages' `commune_hosts` are taken from every commune that
   * uses `platform` (or, without it, every commune with a website in `regions`).
   */
  communes: z.strictObject({ platform: Platform.optional(), regions: z.array(Region).optional() }).optional(),
  /** How a tenant name becomes hosts on this platform (e.g. iMio's `{tenant}.guichet-citoyen.be`). */
  tenant_hosts: z.strictObject({ eguichet: hostTemplate.optional(), forms: hostTemplate.optional() }).optional(),
  fixture: z.string().regex(/^tests\/fixtures\/[\w./-]+\.html$/, 'expected tests/fixtures/<file>.html').optional(),
  pages: z.array(PortalPage).min(1),
  ...provenance,
});

export const Commune = z.strictObject({
  id,
  nis: z.string().regex(/^\d{5}$/, 'a NIS code has five digits'),
  names: LocalText,
  region: Region,
  languages: z.array(z.enum(OFFICIAL_LANGS)).min(1),
  /** Languages with facilities for their speakers (the periphery, the language border, the German-speaking area). */
  facilities: z.array(z.enum(OFFICIAL_LANGS)).default([]),
  postal_codes: z.array(z.string().regex(/^\d{4}$/, 'a postcode has four digits')).default([]),
  eguichet: z
    .strictObject({
      platform: Platform,
      /** The commune's name on the platform; the portal's `tenant_hosts` turn it into hosts. */
      tenant: z.string().regex(/^[a-z0-9]+$/).optional(),
      host: hostPattern.optional(),
      /** iMio e-guichets serve their forms from a second host (`<commune>-formulaires.guichet-citoyen.be`). */
      forms_host: hostPattern.optional(),
    })
    .optional(),
  website: z.string().regex(/^https:\/\//, 'expected an https:// URL').optional(),
  /** The population service's phone or address, where a public page gives it. */
  population_contact: z.string().min(1).optional(),
  booking: z
    .array(
      z.strictObject({
        kind: z.enum(['online', 'phone', 'email', 'walk-in']),
        value: z.string().min(1),
        /** Which service or reason to pick on this channel, per procedure (and visit, when they differ). */
        services: z.array(z.strictObject({ for: id, visit: id.optional(), choose: LocalText })).default([]),
        note: LocalText.optional(),
      }),
    )
    .default([]),
  desks: z.array(z.strictObject({ id, name: LocalText, address: z.string().optional(), hours: LocalText.optional() })).default([]),
  fee_overrides: z
    .array(z.strictObject({ procedure: id, fee: id, amount: Money, year: z.number().int().optional(), note: LocalText.optional() }))
    .default([]),
  notes: z.array(LocalText).default([]),
  ...provenance,
});

/**
 * The lexicon: what each artefact is called on portals, per language, each name with where it was
 * seen. Topics name a kind of page (a commune's population service) without naming one document.
 */
const LexiconTerm = z.strictObject({ lang: z.enum(LANGS), term: z.string().min(3), seen: z.array(provenanceRef).min(1) });
export const Lexicon = z.strictObject({
  artefacts: z.record(id, z.array(LexiconTerm).min(1)),
  topics: z.record(id, z.strictObject({ title: LocalText, terms: z.array(LexiconTerm).min(1) })).default({}),
  last_verified: isoDate,
});

export type LocalText = z.infer<typeof LocalText>;
export type Lexicon = z.infer<typeof Lexicon>;
export type Procedure = z.infer<typeof Procedure>;
export type Artefact = z.infer<typeof Artefact>;
export type Source = z.infer<typeof Source>;
export type Portal = z.infer<typeof Portal>;
export type PortalPage = z.infer<typeof PortalPage>;
export type Commune = z.infer<typeof Commune>;
export type Money = z.infer<typeof Money>;
export type Duration = z.infer<typeof Duration>;

/** The four kinds of catalog file, each in its own folder of catalog/. */
export const KINDS = {
  procedures: Procedure,
  artefacts: Artefact,
  portals: Portal,
  communes: Commune,
} as const;
export type Kind = keyof typeof KINDS;
