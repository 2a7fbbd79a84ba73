/**
 * The shape of every catalog file, in zod. Used at build time only (the CLI, the compile step and the
 * tests): the extension itself ships the compiled index, never this module, so classic zod stays out
 * of the bundles. The shape follows seed 000 (one artefact, its sources, their steps), widened to
 * procedures, portal pages and communes.
 */
import { z } from 'zod';
import { LANGS, OFFICIAL_LANGS } from '../model/lang';
import { id, isoDate, LocalText, provenance, provenanceRef, Region, hostPattern, pathPattern } from './schema-base';
import { BookingChannel, BookingPlatform, Consulate } from './schema-booking';

export { LocalText } from './schema-base';

/**
 * The human name of a seed document, shown wherever a provenance is cited (the PDF's sources): users
 * read "Commune of Eupen — population services", never a file name. `url` is the public page the
 * document was taken from, when there is one.
 */
export const ProvenanceLabel = z.strictObject({
  ref: z.string().regex(/^seeds\/\d{3}_[0-9a-f]{16}\.txt$/, 'expected seeds/NNN_<hash>.txt'),
  label: LocalText,
  url: z.string().regex(/^https:\/\//, 'expected an https:// URL').optional(),
});
export const ProvenanceLabels = z.strictObject({ seeds: z.array(ProvenanceLabel).min(1) });

/** What a person wants to do, in their words ("Become Belgian"), and the procedures that answer it (catalog/intents.yaml). */
export const Intent = z.strictObject({ id, label: LocalText, procedures: z.array(id).min(1) });
export const Intents = z.strictObject({ intents: z.array(Intent).min(1) });

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
type NodeCommon = {
  id: string;
  label?: z.infer<typeof LocalText>;
  when?: Condition;
  note?: z.infer<typeof LocalText>;
  /** What the requirement accepts, item by item (e.g. the residence cards that prove an unlimited stay). */
  accepts?: z.infer<typeof LocalText>[];
};
export type RequirementNode =
  | (NodeCommon & { allOf: RequirementNode[] })
  | (NodeCommon & { oneOf: RequirementNode[] })
  | (NodeCommon & { artefact: string });
const nodeCommon = { id, label: LocalText.optional(), when: Condition.optional(), note: LocalText.optional(), accepts: z.array(LocalText).min(1).optional() };
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
  /**
   * A requirement node whose `accepts` list the question shows with its label (e.g. "unlimited stay?"
   * lists the cards the certified-copy requirement accepts), so the two can never disagree.
   */
  lists: id.optional(),
});

export const Procedure = z.strictObject({
  id,
  title: LocalText,
  summary: LocalText.optional(),
  authority: LocalText,
  legal_basis: z.string().min(1),
  regions: z.array(Region).min(1),
  questions: z.array(Question).default([]),
  /** The number question that counts the people applying together: per-person fees are multiplied by it. */
  applicants: id.optional(),
  /** The consulate that takes the visits (procedures abroad): its booking channels serve every visit. */
  consulate: id.optional(),
  /**
   * Conditions of eligibility, each a plain sentence. `when` says when the rule applies (e.g. to one
   * paragraph of the law), `requires` what the set-up answers must satisfy for it to hold; a rule whose
   * `requires` fails is the reason the dashboard gives for "not this one".
   */
  eligibility: z.array(z.strictObject({ id, text: LocalText, when: Condition.optional(), requires: Condition.optional() })).default([]),
  requirements: RequirementNode,
  fees: z
    .array(
      z.strictObject({
        id,
        label: LocalText,
        amount: Money,
        /** Due once per applicant (the procedure's `applicants` question), e.g. a file fee "par personne". */
        per_person: z.boolean().default(false),
        when: Condition.optional(),
        note: LocalText.optional(),
      }),
    )
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
        /**
         * How the visit is booked: the user books it (`required`), the office sends an invitation
         * (`invitation`: nothing to book), it is a walk-in, or either.
         */
        appointment: z.enum(['required', 'invitation', 'walk-in', 'optional']).optional(),
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
  /**
   * A preparation step, not a way to get the document (e.g. checking the card's data on my.belgium.be
   * before the commune certifies the copy): never proposed as the source that delivers it.
   */
  pre_step: z.boolean().default(false),
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
  /**
   * A civil-status record (birth, marriage…) that is issued abroad (`foreign`) or may be (`belgian-or-foreign`):
   * only these need an apostille or legalisation and a sworn translation (seed 003, "Légalisation et
   * traduction" of foreign civil-status records). A passport or a lease is never one.
   */
  civil_status_record: z.enum(['foreign', 'belgian-or-foreign']).optional(),
  sources: z.array(Source).min(1),
  ...provenance,
});

/** A host template of a platform: `{tenant}` is the commune's tenant name on that platform. */
const hostTemplate = z.string().regex(/^[a-z0-9.-]*\{tenant\}[a-z0-9.-]*\.[a-z0-9-]+$/, 'expected a host template with {tenant}, e.g. {tenant}-formulaires.guichet-citoyen.be');

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
  /** 'install' hosts are asked for when the extension is installed; 'on-demand' ones (commune sites, booking sites) only when the user picks that commune. */
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
  /** How the commune books its visits; empty when no source says (the dashboard says it is not known). */
  booking: z.array(BookingChannel).default([]),
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
export type ProvenanceLabel = z.infer<typeof ProvenanceLabel>;
export type Intent = z.infer<typeof Intent>;

/** The kinds of catalog file, each in its own folder of catalog/. */
export const KINDS = {
  procedures: Procedure,
  artefacts: Artefact,
  portals: Portal,
  communes: Commune,
  'booking-platforms': BookingPlatform,
  consulates: Consulate,
} as const;
export type { BookingPlatform, BookingChannel, Consulate } from './schema-booking';
export type Kind = keyof typeof KINDS;
