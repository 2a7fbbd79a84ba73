/**
 * What the panel's buttons and the keyboard shortcut do, inside the frame: ask the background to save
 * a status, capture the page's selection once the user confirmed it as shown, save an appointment the
 * guide read, open the set-up, fold and unfold, and move focus into the panel and back. A press that
 * changes something counts only when no veil could have stolen it (guard.ts). Every answer is said in
 * the panel's live region, in the user's language.
 */
import type { Status } from '../model/data';
import { describeError } from '../i18n/errors';
import { send } from '../messaging/client';
import type { PanelStrings, ProgressView } from '../model/views';
import { fill } from './boot';
import { ARM_MS, type Guard } from './guard';
import { masked } from './Panel';
import type { CaptureField, Draft, GuideActions, PanelActions, PanelModel } from './types';

export interface FrameSession {
  model(): PanelModel;
  update(change: Partial<PanelModel>): void;
  guard(): Guard;
}

type Usable = PanelModel & { strings: PanelStrings };

const focus = (selector: string) => queueMicrotask(() => (document.querySelector(selector) as HTMLElement | null)?.focus());

export function createActions(session: FrameSession): PanelActions & { enter(): void } {
  const { model, update } = session;
  const say = (message: string) => update({ message });
  const failed = (t: PanelStrings) => (error: unknown) => say(fill(t.failed, { reason: describeError(error, t.errors) }));
  let pendingRun: (() => void) | undefined;
  let armTimer: ReturnType<typeof setTimeout> | undefined;

  /** The progress the background saved replaces the one shown, without reading the whole state again. */
  const replaceProgress = (progress: ProgressView) => {
    const state = model().state;
    if (!state) return;
    update({
      state: {
        ...state,
        dossiers: state.dossiers.map((d) =>
          d.id !== progress.dossierId ? d : { ...d, needs: d.needs.map((n) => (n.artefact === progress.artefact ? { ...n, progress } : n)) },
        ),
      },
    });
  };

  const usable = (): Usable | undefined => {
    const m = model();
    return m.strings ? (m as Usable) : undefined;
  };

  /**
   * Runs a state change if no veil can have stolen the press: at once where covering is watched and
   * the panel has been fully visible for a while; else (Firefox) after a confirmation shown elsewhere.
   */
  const guarded = (label: string, key: string, run: () => void) => {
    const m = usable();
    if (!m) return;
    const guard = session.guard();
    if (guard.watched) {
      if (m.covered) say(m.strings.covered);
      else if (!guard.settled()) say(m.strings.tooSoon);
      else run();
      return;
    }
    if (m.pending?.key === key) return;
    pendingRun = run;
    clearTimeout(armTimer);
    update({ pending: { key, label, armed: false } });
    armTimer = setTimeout(() => {
      const p = model().pending;
      if (p?.key === key) update({ pending: { ...p, armed: true } });
    }, ARM_MS);
  };

  const actions = {
    toggle() {
      const m = model();
      const collapsed = !(m.collapsed || (!!m.crowded && !m.userExpanded));
      update({ collapsed, userExpanded: !collapsed });
      focus(collapsed ? '.tab' : 'h2');
      send('panel:collapse', { collapsed }).catch(() => undefined);
    },
    setStatus(dossierId: string, artefact: string, status: Status) {
      const t = usable()?.strings;
      if (!t) return;
      guarded(t.status[status], `status:${dossierId}/${artefact}/${status}`, () =>
        send('progress:set-status', { dossierId, artefact, status }).then((progress) => {
          replaceProgress(progress);
          say(fill(t.statusSaved, { status: t.status[progress.status] }));
        }, failed(t)),
      );
    },
    /** Asks the page's selection (through the background) and shows it for confirmation; saves nothing. */
    capture(dossierId: string, artefact: string, field: CaptureField) {
      const t = usable()?.strings;
      if (!t) return;
      send('panel:selection', {}).then(({ text }) => {
        if (!text) {
          say(t.noSelection);
          return;
        }
        update({ capture: { dossierId, artefact, field, value: text } });
        focus('.confirm-capture textarea');
      }, failed(t));
    },
    editCapture(value: string) {
      const draft = model().capture;
      // Kept as typed without a redraw: the field already shows it.
      if (draft) draft.value = value;
    },
    saveCapture() {
      const t = usable()?.strings;
      const draft = model().capture;
      if (!t || !draft) return;
      const value = draft.value.replace(/\s+/g, ' ').trim();
      if (!value) {
        say(t.noSelection);
        return;
      }
      guarded(t.save, `capture:${draft.dossierId}/${draft.artefact}/${draft.field.id}`, () =>
        send('progress:capture', { dossierId: draft.dossierId, artefact: draft.artefact, field: draft.field.id, value }).then((progress) => {
          update({ capture: undefined });
          replaceProgress(progress);
          say(fill(t.savedValue, { field: draft.field.label.text, value: masked(draft.field.kind, progress.captured[draft.field.id]?.value ?? value) }));
        }, failed(t)),
      );
    },
    cancelCapture() {
      update({ capture: undefined });
    },
    confirmPending() {
      const pending = model().pending;
      if (!pending?.armed || !pendingRun) return;
      const run = pendingRun;
      pendingRun = undefined;
      update({ pending: undefined });
      run();
    },
    cancelPending() {
      pendingRun = undefined;
      clearTimeout(armTimer);
      update({ pending: undefined });
    },
    openSetup() {
      const t = usable()?.strings;
      if (!t) return;
      send('dashboard:open', { setup: true }).catch(failed(t));
    },
    leave() {
      void send('panel:leave', {}).catch(() => undefined);
    },
    /** The shortcut brought focus into the frame: unfold if folded, and focus the heading. */
    enter() {
      const m = model();
      if (m.collapsed || (m.crowded && !m.userExpanded)) {
        update({ collapsed: false, userExpanded: true });
        send('panel:collapse', { collapsed: false }).catch(() => undefined);
      }
      focus('h2');
    },
  };
  return actions;
}

export function createGuideActions(session: FrameSession): GuideActions {
  const { model, update } = session;
  const say = (message: string) => update({ message });
  const withDraft = (draft: Draft | undefined) => {
    const guide = model().guide;
    if (guide) update({ guide: { ...guide, draft } });
  };
  return {
    showService(index: number) {
      void send('panel:show-service', { index }).catch(() => undefined);
    },
    startSave() {
      const m = model();
      const t = m.strings;
      if (!t || !m.guide) return;
      send('booking:read', {}).then(
        (read) => {
          withDraft({
            date: read.date ?? '',
            time: read.time ?? '',
            place: read.place ?? '',
            reference: read.reference ?? '',
            dossierId: model().state?.bookings?.[0]?.dossierId ?? '',
            read: !!read.date,
          });
          focus('.draft input');
        },
        (error: unknown) => say(fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
    edit(name: keyof Draft, value: string) {
      const draft = model().guide?.draft;
      // Kept as typed without a redraw: the inputs already show it.
      if (draft && name !== 'read') draft[name] = value;
    },
    cancelSave() {
      withDraft(undefined);
    },
    confirmSave() {
      const m = model();
      const t = m.strings;
      const draft = m.guide?.draft;
      const booking = m.state?.bookings?.find((b) => b.dossierId === draft?.dossierId);
      if (!t || !draft || !booking) return;
      const place = draft.place.trim();
      const reference = draft.reference.trim();
      const guard = session.guard();
      // Not a second confirmation on top of this one where covering cannot be seen: the draft form is it.
      if (guard.watched && (m.covered || !guard.settled())) {
        say(m.covered ? t.covered : t.tooSoon);
        return;
      }
      send('appointment:save', {
        id: crypto.randomUUID(),
        dossierId: booking.dossierId,
        service: booking.labels[0] ?? booking.choose.text,
        start: `${draft.date}T${draft.time}`,
        ...(booking.visit ? { visit: booking.visit.id } : {}),
        ...(place ? { place } : {}),
        ...(reference ? { reference } : {}),
      }).then(
        () => {
          withDraft(undefined);
          say(fill(t.guide.saved, { dossier: booking.dossierLabel }));
        },
        (error: unknown) => say(fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
  };
}
