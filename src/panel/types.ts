/**
 * The shapes the panel's parts share — the view (Panel.tsx) and the booking guide's view in the frame,
 * the frame's controller and actions, the content script's controller and its page reading — declared
 * once here so that none of them imports another just for a type.
 */
import type { JSX } from 'preact';
import type { Lang } from '../model/lang';
import type { Status } from '../model/data';
import type { GuideReading, PageDescription, PageState, PanelStrings, Shown } from '../model/views';

/** A field to note from the page. Fields of kind 'document' are files: attached on the dashboard, not captured from a selection. */
export interface CaptureField {
  id: string;
  label: Shown;
  kind: string;
}

/** A capture waiting for the user's confirmation: the page's selection as it will be saved, editable. */
export interface CaptureDraft {
  dossierId: string;
  artefact: string;
  field: CaptureField;
  value: string;
}

export interface PanelModel {
  lang: Lang;
  /** The panel's words, from the background; until they arrive only the BOOT words show. */
  strings?: PanelStrings;
  description?: PageDescription;
  /** undefined while loading; `null` when the background could not give it (the catalog part still shows). */
  state?: PageState | null;
  collapsed: boolean;
  /** No corner of the page is free of its primary buttons: shown as the small tab unless the user opened it. */
  crowded?: boolean;
  /** The user opened the panel themselves: it stays open even where it has to cover a button. */
  userExpanded?: boolean;
  /** Something on the page covers the panel: its buttons do nothing until it is fully visible again. */
  covered: boolean;
  /** The latest outcome, read out by screen readers. */
  message: string;
  /** Today as YYYY-MM-DD, to tell valid from expired. */
  today: string;
  /** On a booking site with the guide: the step showing and what to do in it. */
  guide?: GuideView;
  capture?: CaptureDraft;
  /**
   * Where the browser cannot tell whether the panel is covered (no IntersectionObserver v2): the
   * state change waiting for its confirmation, which shows in another place than the first button.
   */
  pending?: { key: string; label: string; armed: boolean };
}

export interface PanelActions {
  toggle(): void;
  setStatus(dossierId: string, artefact: string, status: Status): void;
  capture(dossierId: string, artefact: string, field: CaptureField): void;
  editCapture(value: string): void;
  saveCapture(): void;
  cancelCapture(): void;
  confirmPending(): void;
  cancelPending(): void;
  openSetup(): void;
  /** Escape inside the panel: give focus back to the page. */
  leave(): void;
}

/** The appointment read from a confirmation page, as the user edits it before saving. */
export interface Draft {
  date: string;
  time: string;
  place: string;
  reference: string;
  dossierId: string;
  /** A date was found in the page's text (else the user is asked to enter it). */
  read: boolean;
}

/** Where the user is on a booking site (the content script reads the page; the panel only shows it). */
export interface GuideView {
  reading: GuideReading;
  draft?: Draft;
}

export interface GuideActions {
  showService(index: number): void;
  startSave(): void;
  edit(name: keyof Draft, value: string): void;
  cancelSave(): void;
  confirmSave(): void;
}

/** What the benchmark and the tests read from the content script's own world (never the page's). */
export interface Timings {
  /** When the script was injected (document_start); `parsed`: when the document was, and recognition began. */
  started: number;
  parsed?: number;
  /** The page is recognised and the frame is in it (shown from its creation, in the shell's box). */
  mounted?: number;
  /** The page's first frame with the frame placed at the panel's own size. */
  placed?: number;
  ready?: number;
  page?: string;
  recognitions: number;
}

/** The booking guide's page side (src/panel/guide.ts), given by the content script of booking hosts only. */
export interface PageGuide {
  start(page: string): void;
  /** The user's data changed: the services looked for may have too. */
  refresh(): void;
  /** The page scrolled or resized: the outlines follow. */
  follow(): void;
  show(index: number): void;
  stop(): void;
}

export type GuideComponent = (props: { model: PanelModel; t: PanelStrings; actions: GuideActions }) => JSX.Element | null;
