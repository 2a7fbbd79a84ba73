/**
 * Booking as data: a booking platform (iMio's appointment forms, the FPS Foreign Affairs E-Appointment
 * site, IRISbox…) is described once — its hosts with a `{tenant}` slot, how each step reads, how its
 * service list is labelled, what its fields mean, how its confirmation gives date, time, place and
 * code — and a commune or a consulate names its platform, its tenant and the service to pick per
 * procedure and visit on one of its booking channels. Build time only, like ./schema.
 */
import { z } from 'zod';
import { id, LocalText, pathPattern, provenance, provenanceRef, Region } from './schema-base';

/** A host with an optional `{tenant}` slot (`{tenant}-formulaires.guichet-citoyen.be`, `afspraken.{tenant}.be`), filled from the commune or consulate. */
const platformHost = z
  .string()
  .regex(/^([a-z0-9-]|\{tenant\})+(\.([a-z0-9-]|\{tenant\})+)+$/, 'expected a host, optionally with one {tenant} slot')
  .refine((h) => h.split('{tenant}').length <= 2, 'a host has at most one {tenant} slot');

/** Words that show a step, per language: the step shows when a heading holds one of them. */
const StepWords = z
  .strictObject({ fr: z.string().min(1).optional(), nl: z.string().min(1).optional(), de: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((w) => Object.keys(w).length > 0, 'give the step heading in at least one language');

export const PlatformStep = z.strictObject({
  id,
  /** The step's heading as the platform writes it, per language it serves. */
  headings: StepWords.optional(),
  /** Or a selector only this step has. */
  selector: z.string().min(1).optional(),
  explain: LocalText,
  /** The step where the service (type of appointment, motive, product) is picked: the panel outlines it. */
  service: z.boolean().default(false),
  fields: z.array(z.strictObject({ selector: z.string().min(1), explain: LocalText })).default([]),
  /** The step that confirms the booking: the panel offers to read it and save the appointment. */
  confirmation: z.boolean().default(false),
  /** What the step asks was read in a public page or code (its heading may still be modelled: the platform notes say so). */
  verified: z.boolean(),
});

export const BookingPlatform = z.strictObject({
  id,
  name: LocalText,
  operator: LocalText,
  regions: z.array(Region).min(1),
  /**
   * `https`: Be Civic may guide on the page once the user grants the host. `http`: the site is only
   * evidenced unencrypted, so Be Civic never runs there and guides from the dashboard instead.
   */
  scheme: z.enum(['https', 'http']),
  /** Whether the steps are known well enough to guide on the page; otherwise the dashboard guides. */
  in_page: z.boolean(),
  /** Empty when no host was seen (the dashboard then names the platform without a link). */
  hosts: z.array(platformHost).default([]),
  /** Which hosts were seen (a host can be certain while its paths are not). */
  hosts_verified: z.boolean(),
  paths: z.array(pathPattern).min(1),
  paths_verified: z.boolean(),
  /** How the platform labels its service list, and what the user looks for in it. */
  service_list: z.strictObject({ label: LocalText, explain: LocalText, verified: z.boolean() }),
  steps: z.array(PlatformStep).default([]),
  /** What the confirmation gives: which parts, and how they read. */
  confirmation: z.strictObject({
    gives: z.array(z.enum(['date', 'time', 'place', 'code'])).min(1),
    explain: LocalText,
    verified: z.boolean(),
  }),
  /** What the user is told about the platform (what it does, what was not verified). */
  notes: LocalText.optional(),
  fixture: z.string().regex(/^tests\/fixtures\/booking\/[\w.-]+\.html$/, 'expected tests/fixtures/booking/<file>.html').optional(),
  /** An address of one tenant's booking page, as it would be recognised (needed to guide in the page). */
  examples: z.array(z.string().url()).default([]),
  ...provenance,
});

/** What to pick on a booking channel for one procedure (and visit, when the visits differ). */
const ChannelService = z.strictObject({
  for: id,
  visit: id.optional(),
  choose: LocalText,
  /** The label was not seen on the platform itself (e.g. it is the commune's own link text). */
  unverified: z.boolean().default(false),
});

/**
 * One way to book with a commune or a consulate: a booking platform (`platform` + `tenant`), another
 * online page, a phone number, an e-mail address, a walk-in desk or an appointment request form.
 */
export const BookingChannel = z.strictObject({
  kind: z.enum(['online', 'phone', 'email', 'walk-in', 'request-form']),
  value: z.string().min(1),
  platform: id.optional(),
  /** The platform's `{tenant}` for this commune or consulate. */
  tenant: z.string().regex(/^[a-z0-9-]+$/).optional(),
  /** The channel is named by the sources but its platform or address was not seen. */
  unverified: z.boolean().default(false),
  services: z.array(ChannelService).default([]),
  note: LocalText.optional(),
  /** Where this channel is said (when the entry's own provenance does not cover it). */
  evidence: z.array(provenanceRef).default([]),
});

export const Consulate = z.strictObject({
  id,
  names: LocalText,
  /** ISO 3166-1 alpha-2 country of the post. */
  country: z.string().regex(/^[A-Z]{2}$/),
  website: z.string().regex(/^https:\/\//, 'expected an https:// URL'),
  booking: z.array(BookingChannel).default([]),
  address: z.string().optional(),
  notes: z.array(LocalText).default([]),
  ...provenance,
});

export type BookingPlatform = z.infer<typeof BookingPlatform>;
export type PlatformStep = z.infer<typeof PlatformStep>;
export type BookingChannel = z.infer<typeof BookingChannel>;
export type Consulate = z.infer<typeof Consulate>;
