/**
 * What the panel's buttons and the keyboard shortcut do: ask the background to save a status or a
 * captured selection, open the set-up, fold and unfold, move focus into the panel and back. Every
 * answer is said in the panel's live region, in the user's language.
 */
import type { PageState } from '../model/views';
import type { Status } from '../model/data';
import { extensionAlive, request } from './api';
import { fill } from './boot';
import { describeError } from '../i18n/errors';
import { isFolded } from './display';
import { doc } from './dom';
import { masked } from './Panel';
import type { CaptureField, Mounted, PanelActions, Session } from './types';

/** The longest selection captured: a value to note, not a page. */
const MAX_CAPTURE = 2_000;

type ProgressView = NonNullable<PageState['dossiers'][number]['needs'][number]['progress']>;

/** The progress the background saved replaces the one shown, without reading the whole state again. */
function replaceProgress(shown: Mounted, progress: ProgressView) {
  const state = shown.model.state;
  if (!state) return;
  shown.model.state = {
    ...state,
    dossiers: state.dossiers.map((d) =>
      d.id !== progress.dossierId ? d : { ...d, needs: d.needs.map((n) => (n.artefact === progress.artefact ? { ...n, progress } : n)) },
    ),
  };
}

export function createActions({ current, draw, say, usable, focusIn }: Session): PanelActions & { shortcut(): void } {
  const actions = {
    toggle() {
      const shown = current();
      if (!shown) return;
      const collapsed = !isFolded(shown);
      shown.userExpanded = !collapsed;
      shown.model = { ...shown.model, collapsed };
      draw(shown);
      focusIn(shown, collapsed ? '.tab' : 'h2');
      request('panel:collapse', { collapsed }).catch(() => undefined);
    },
    setStatus(dossierId: string, artefact: string, status: Status) {
      const shown = usable();
      if (!shown) return;
      const t = shown.model.strings;
      request('progress:set-status', { dossierId, artefact, status }).then(
        (progress) => {
          if (current() !== shown) return;
          replaceProgress(shown, progress);
          say(shown, fill(t.statusSaved, { status: t.status[progress.status] }));
        },
        (error: unknown) => current() === shown && say(shown, fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
    capture(dossierId: string, artefact: string, field: CaptureField) {
      const shown = usable();
      if (!shown) return;
      const t = shown.model.strings;
      const value = (getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTURE);
      if (!value) {
        say(shown, t.noSelection);
        return;
      }
      request('progress:capture', { dossierId, artefact, field: field.id, value, page: shown.page }).then(
        (progress) => {
          if (current() !== shown) return;
          replaceProgress(shown, progress);
          say(shown, fill(t.savedValue, { field: field.label.text, value: masked(field.kind, progress.captured[field.id]?.value ?? value) }));
        },
        (error: unknown) => current() === shown && say(shown, fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
    openSetup() {
      const shown = usable();
      if (!shown) return;
      request('dashboard:open', { setup: true }).catch((error: unknown) => say(shown, fill(shown.model.strings.failed, { reason: describeError(error, shown.model.strings.errors) })));
    },
    leave() {
      const shown = current();
      if (!shown) return;
      const back = shown.returnFocus;
      shown.returnFocus = undefined;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
      else (shown.host.shadow.activeElement as HTMLElement | null)?.blur();
    },
    /** The keyboard shortcut (a manifest command, relayed by the background): into the panel, and back out. */
    shortcut() {
      const shown = current();
      if (!shown) return;
      if (shown.host.shadow.activeElement) {
        actions.leave();
        return;
      }
      shown.returnFocus = doc.active();
      if (isFolded(shown)) {
        shown.userExpanded = true;
        shown.model = { ...shown.model, collapsed: false };
        draw(shown);
        request('panel:collapse', { collapsed: false }).catch(() => undefined);
      }
      focusIn(shown, 'h2');
    },
  };
  return actions;
}

/** Whether the panel's buttons may act now: its words have arrived, the extension is alive, nothing covers it. */
export function usableNow(shown: Mounted | undefined, stop: () => void, say: Session['say']): ReturnType<Session['usable']> {
  if (!shown?.model.strings) return undefined;
  if (!extensionAlive()) {
    stop();
    return undefined;
  }
  if (shown.model.covered) {
    say(shown, shown.model.strings.covered);
    return undefined;
  }
  return shown as ReturnType<Session['usable']>;
}
