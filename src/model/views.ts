/**
 * What the background hands the screens: the shapes that cross the protocol (the panel's page slice,
 * the dashboard's dossier, the panel's words), declared here so that the protocol, the background
 * services that build them and the screens that draw them all depend on the model, not on each other.
 */
import type { Appointment, Dossier, HistoryEntry, Progress, Status } from './data';
import type { AppError, ErrorCode } from './errors';
import type { Lang } from './lang';

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

export interface GuideStep {
  id: string;
  /** The step is showing when these hold (same meaning as recognition signals). */
  when: { title?: string; heading?: string; selector?: string };
  explain: Shown;
  highlightService: boolean;
  fields: Array<{ selector: string; explain: Shown }>;
  confirmation: boolean;
}

export interface PageDescription {
  page: string;
  pageTitle: Shown;
  /** On one form of a multi-form portal: the one document this form serves (then `artefacts` is that one). */
  form?: { artefact: string; title: Shown };
  portal: string;
  portalName: Shown;
  role: 'service' | 'login' | 'booking' | 'information';
  explains?: Shown;
  artefacts: Array<{ id: string; title: Shown; sources: SourceView[] }>;
  capture: Array<{ id: string; label: Shown; kind: string }>;
  /** Multi-step pages (booking sites): the steps the panel can recognise and guide through. */
  guide?: GuideStep[];
}

/** On a booking page, the service one of the user's dossiers should pick there. */
export interface BookingService {
  dossierId: string;
  dossierLabel: string;
  procedureTitle: Shown;
  visit?: { id: string; label: Shown };
  choose: Shown;
  /** The site's own labels to look for on the page. */
  labels: string[];
}

/**
 * What a panel shows of one progress record: its status and dates, and the values of this page's
 * capture fields that were captured on this page's portal, a register number masked. Never the notes,
 * the attached files or the fields of other pages. A full Progress is one too (the dashboard's case).
 */
export interface ProgressView {
  dossierId: string;
  artefact: string;
  status: Status;
  issuedOn?: string;
  expiresOn?: string;
  captured: Record<string, { value: string }>;
}

/** A place where a commune issues a document: its e-guichet, its website. */
export interface IssuePlace {
  label: Shown;
  url?: string;
}

/**
 * A dossier on a site that is not its commune's (another commune's e-guichet, a region's portal for
 * another region): what it needs and where its own commune issues it instead.
 */
export interface OtherCommune {
  /** The dossier's commune. */
  home: Shown;
  /** What the dossier needs that this page would serve to that commune's residents. */
  documents: Shown[];
  /** Where the dossier's commune issues them, as far as the catalog knows (empty: ask its population service). */
  places: IssuePlace[];
}

/** The slice of the user's data that a panel on one page may see. */
export interface PageState {
  lang: Lang;
  /** Set in read-only mode (storage unavailable): why; nothing will be saved. */
  storageProblem?: AppError;
  collapsed: boolean;
  activeDossier?: string;
  dossiers: Array<{
    id: string;
    label: string;
    procedure: string;
    procedureTitle: Shown;
    /** The artefacts this page serves that the dossier needs, with the user's progress on each. */
    needs: Array<{ artefact: string; requirement: Shown; progress?: ProgressView }>;
    /** Set when this site is not for the dossier's commune: then `needs` is empty. */
    otherCommune?: OtherCommune;
  }>;
  /** Whether the user has any dossier at all: the "set up a dossier" prompt is for none only. */
  hasDossiers: boolean;
  /** The commune whose own site this is (its e-guichet tenant, its website). */
  siteCommune?: Shown;
  /** Dossiers that need nothing on this page: what they need instead from this portal's other pages. */
  instead?: Array<{ dossierId: string; dossierLabel: string; documents: Shown[] }>;
  /** On a booking page: what each dossier with this commune should pick here. */
  bookings?: BookingService[];
}

/** What a page shows for the DOM signals of the catalog pages at its URL (the content script's reading). */
export interface PageSignals {
  title: string;
  headings: string[];
  has: Record<string, boolean>;
}

/** The background's answer to a content script's `page:recognise`. */
export interface Recognised {
  /** The catalog page this document is, or null. */
  page: string | null;
  /** On a multi-form portal: the artefact the page's form serves. */
  form?: string;
  /** The answer may still change once the page has rendered (a form named only in its title or headings): watch a while. */
  late?: boolean;
  /** The pages at this URL are told apart by these signals: probe them and ask again (late-rendered content too). */
  ask?: { title: boolean; headings: boolean; selectors: string[] };
}

/** All a panel frame needs to draw itself, in one answer: its page, its words and its slice. */
export interface PanelOpening {
  page: string;
  /** On one form of a multi-form portal: the artefact that form serves. */
  form?: string;
  lang: Lang;
  description: PageDescription;
  strings: PanelStrings;
  /** `null` when the store cannot be read: the catalog's part still shows. */
  state: PageState | null;
}

/** What the content script of a booking page needs to follow the site's steps: catalog data, nothing of the user's but the services' labels. */
export interface GuideTargets {
  steps: Array<{ id: string; when: GuideStep['when']; highlightService: boolean; fields: string[] }>;
  /** Per booking service of the page's state, the site's labels to find on the page. */
  labels: string[][];
}

/** Where the user is on a booking site, as the content script reads it, for the panel frame to show. */
export interface GuideReading {
  step?: string;
  /** Per entry of `GuideTargets.labels`: found, not found after the wait, or still looked for (null). */
  found: Array<boolean | null>;
  /** The step's fields present on the page: their index in the step, and the page's own label. */
  fields: Array<{ at: number; label: string }>;
}

/** Sent by the background to the panel frame over its port. */
export type PanelPush =
  | { kind: 'page' }
  | { kind: 'focus' }
  | { kind: 'crowded'; crowded: boolean }
  | { kind: 'guide'; reading: GuideReading };

/** Sent by the background to the content script of a tab's top frame. */
export type ContentPush =
  | { kind: 'be-civic:changed' }
  | { kind: 'be-civic:toggle-panel' }
  | { kind: 'be-civic:layout'; width: number; height: number; collapsed: boolean; loaded: boolean }
  | { kind: 'be-civic:selection' }
  | { kind: 'be-civic:page-text' }
  | { kind: 'be-civic:focus-page' }
  | { kind: 'be-civic:show-service'; index: number }
  | { kind: 'be-civic:report' };

/** A content script's answer to `be-civic:report`: where it is and what it read there. */
export interface ContentReport {
  url: string;
  probe?: PageSignals;
}

/** One dossier with everything that belongs to it, for the dashboard. */
export interface DossierDetail {
  dossier: Dossier;
  progress: Progress[];
  appointments: Appointment[];
  history: HistoryEntry[];
}

/** What a booking confirmation's text proposes for the appointment; each part only a proposal. */
export interface ConfirmationReading {
  date?: string;
  time?: string;
  /** The sentence that gives an address (a Belgian postcode followed by a place name). */
  place?: string;
  /** A booking code: letters and digits, at least one digit, after a word like "code" or "référence". */
  reference?: string;
}

/** Whether the store can save; when it cannot, why. */
export interface StoreStatus {
  writable: boolean;
  problem?: AppError;
}

export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** How many records a backup import restored. */
export interface ImportCounts {
  dossiers: number;
  progress: number;
  appointments: number;
  history: number;
  attachments: number;
}

/**
 * The panel's own words in one language (the background sends them with `panel:strings`). Templates
 * hold `{name}` slots, filled by the panel's `fill()`: data, not code, so they can travel as JSON.
 */
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
  /** Dossiers exist but none needs this page. */
  noneNeeds: string;
  /** `{commune}`: whose own site this is. */
  siteFor: string;
  /** `{dossier}`, `{home}`, `{documents}`: a dossier of another commune, and what it needs. */
  otherCommune: string;
  /** `{home}`: where to ask when the catalog knows no place. */
  askCommune: string;
  /** `{portal}`, `{dossier}`, `{documents}`: what a dossier needs instead from this portal. */
  instead: string;
  /** `{document}`: the one document this form is for. */
  formFor: string;
  stateUnavailable: string;
  loginHeading: string;
  loginPrivacy: string;
  covered: string;
  /** The panel was covered or hidden until a moment ago: the press did not count. */
  tooSoon: string;
  /** Where the browser cannot tell whether the panel is covered: the confirmation asked for a change. */
  confirmChange: string;
  confirm: string;
  cancel: string;
  /** The confirmation of a capture: the page's selection as it will be saved, editable. */
  captureCheck: string;
  captureValue: string;
  save: string;
  /** Said before the storage problem when the store is read-only. */
  readOnly: string;
  /** What each refusal of the background says (src/i18n/errors.ts), `{param}` slots filled by the panel. */
  errors: Record<ErrorCode, string>;
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
