/**
 * The shapes the panel's parts share — the view (Panel.tsx), the controller and its helpers, the
 * booking guide — declared once here so that none of them imports another just for a type (they used
 * to import each other in a circle).
 */
import type { JSX } from 'preact';
import type { Lang } from '../model/lang';
import type { Status } from '../model/data';
import type { GuideStep, PageDescription, PageState, PanelStrings, Shown } from '../model/views';
import type { PanelHost } from './host';
import type { Placement } from './placement';

/** A field to note from the page. Fields of kind 'document' are files: attached on the dashboard, not captured from a selection. */
export interface CaptureField {
  id: string;
  label: Shown;
  kind: string;
}

export interface PanelModel {
  lang: Lang;
  /** The panel's words, from the background; until they arrive only the BOOT words show. */
  strings?: PanelStrings;
  description?: PageDescription;
  /** undefined while loading; `null` when the background could not give it (the catalog part still shows). */
  state?: PageState | null;
  collapsed: boolean;
  /** Something on the page covers the panel: its buttons do nothing until it is fully visible again. */
  covered: boolean;
  /** The latest outcome, read out by screen readers. */
  message: string;
  /** Today as YYYY-MM-DD, to tell valid from expired. */
  today: string;
  /** On a booking site with the guide: the step showing and what to do in it. */
  guide?: GuideView;
}

export interface PanelActions {
  toggle(): void;
  setStatus(dossierId: string, artefact: string, status: Status): void;
  capture(dossierId: string, artefact: string, field: CaptureField): void;
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

/** Where the user is on a booking site (the controller reads the page; the panel only shows it). */
export interface GuideView {
  step: GuideStep;
  /** Per entry of `state.bookings`: its service found on the page, not found after the wait, or still looked for. */
  found: Array<boolean | undefined>;
  /** The step's fields that are on the page, with the page's own label for each. */
  fields: Array<{ label: string; explain: Shown }>;
  draft?: Draft;
}

/** What the benchmark and the tests read from the content script's own world (never the page's). */
export interface Timings {
  started: number;
  /** The shell is in the page (synchronous work done); `visible` is the first frame after it. */
  mounted?: number;
  visible?: number;
  ready?: number;
  page?: string;
  recognitions: number;
}

/** The panel as it is mounted for one recognised page. */
export interface Mounted {
  page: string;
  /** On one form of a multi-form portal: the artefact that form serves. */
  form?: string;
  host: PanelHost;
  model: PanelModel;
  /** The user expanded the panel themselves: it stays open even where it has to cover a button. */
  userExpanded: boolean;
  /** No corner of the viewport is free of the page's primary buttons: shown as the small tab. */
  crowded: boolean;
  placement?: Placement;
  returnFocus?: Element | null;
  stateLoading: boolean;
  stateAgain: boolean;
}

/** A mounted panel whose words have arrived, alive and uncovered: its buttons may act. */
export type Usable = Mounted & { model: { strings: PanelStrings } };

/** What the controller's parts (actions, the booking guide) are given to read and redraw the panel. */
export interface Session {
  current(): Mounted | undefined;
  draw(shown: Mounted): void;
  say(shown: Mounted, message: string): void;
  /** The mounted panel if its buttons may act now; says why not (covered) or stops (extension gone). */
  usable(): Usable | undefined;
  focusIn(shown: Mounted, selector: string): void;
}

/** The booking guide (src/panel/guide.tsx), given by the content script of booking hosts only. */
export interface Guide {
  /** Starts following the page's steps, for as long as this panel lives. */
  watch(): void;
  /** Checks the step again now (the user's data changed). */
  check(): void;
  /** The page scrolled or resized: the outlines follow. */
  follow(): void;
  stop(): void;
  Guide: (props: { model: PanelModel; t: PanelStrings }) => JSX.Element | null;
}
