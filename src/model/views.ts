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
    needs: Array<{ artefact: string; requirement: Shown; progress?: Progress }>;
  }>;
  /** On a booking page: what each dossier with this commune should pick here. */
  bookings?: BookingService[];
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
  stateUnavailable: string;
  loginHeading: string;
  loginPrivacy: string;
  covered: string;
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
