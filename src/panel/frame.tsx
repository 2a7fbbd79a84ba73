/**
 * The panel's extension page, inside the frame the content script hosts on a portal page. It asks the
 * background for its tab's page, the catalog's texts, its words and its slice (`panel:open`), draws the
 * panel, tells the content script its size through the background (never the page's window), and
 * redraws when the data changes, the booking guide reads a new step or the shortcut brings focus here.
 * Its parts: actions.ts (the buttons), guard.ts (clicks a veil cannot steal), Panel.tsx (the view).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pickLang, type Lang } from '../i18n';
import { send } from '../messaging/client';
import type { PanelPush } from '../model/views';
import { createActions, createGuideActions } from './actions';
import { GuideView } from './GuideView';
import { watchVisibility } from './guard';
import { Panel } from './Panel';
import { PANEL_PORT } from './shortcut';
import type { PanelModel } from './types';

const MAX_RECONNECTS = 5;
const RECONNECT_MS = 300;

export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function startFrame(container: HTMLElement): void {
  const browserLang: Lang = pickLang(navigator.languages ?? [navigator.language]);
  let model: PanelModel = { lang: browserLang, collapsed: false, covered: false, message: '', today: today() };
  let reported = '';
  let loading = false;
  let again = false;
  /** Whether the site's remembered folding was taken: after that the user's own toggles here are what counts. */
  let foldingTaken = false;

  const draw = () => {
    const folded = model.collapsed || (!!model.crowded && !model.userExpanded);
    render(<Panel model={{ ...model, collapsed: folded, today: today() }} actions={actions} Guide={GuideView} guideActions={guideActions} />, container);
    document.documentElement.lang = model.lang;
    // Measured after every drawing, not only on resize: the browser does not render a frame it keeps
    // out of sight, so a ResizeObserver there would wait for a size that only this report can give.
    report();
  };
  const update = (change: Partial<PanelModel>) => {
    model = { ...model, ...change };
    draw();
  };
  const session = { model: () => model, update, guard: () => guard };
  const actions = createActions(session);
  const guideActions = createGuideActions(session);

  /** The size the content script gives the frame: the panel's own. */
  function report() {
    const panel = container.firstElementChild as HTMLElement | null;
    if (!panel) return;
    const rect = panel.getBoundingClientRect();
    const size = { width: Math.ceil(rect.width), height: Math.ceil(rect.height), collapsed: panel.classList.contains('collapsed'), loaded: !!model.strings };
    const key = JSON.stringify(size);
    if (key === reported || size.width === 0) return;
    reported = key;
    void send('panel:layout', size).catch(() => undefined);
  }
  new ResizeObserver(report).observe(container);

  const open = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const opened = await send('panel:open', {});
      // An answer read before the user's last toggle was stored would fold the panel back under their
      // hands (and drop the focus the toggle gave): the remembered folding is taken once, at the start.
      const collapsed = !foldingTaken && opened.state ? opened.state.collapsed : model.collapsed;
      if (opened.state) foldingTaken = true;
      update({
        lang: opened.lang,
        description: opened.description,
        strings: opened.strings,
        state: opened.state,
        collapsed,
      });
    } catch {
      // The page is gone or changed: the content script replaces this frame.
    } finally {
      loading = false;
      if (again) {
        again = false;
        void open();
      }
    }
  };

  /** The background's line to this frame; connected again when it drops (the worker stopped, or the frame was not bound yet). */
  let reconnects = 0;
  const connect = () => {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener(onPush);
    port.onDisconnect.addListener(() => {
      if (++reconnects <= MAX_RECONNECTS) setTimeout(() => {
        connect();
        void open();
      }, RECONNECT_MS * reconnects);
    });
  };
  const onPush = (raw: unknown) => {
    reconnects = 0;
    const push = raw as PanelPush;
    if (push.kind === 'page') void open();
    else if (push.kind === 'guide') update({ guide: { ...model.guide, reading: push.reading } });
    else if (push.kind === 'focus') actions.enter();
    else if (push.kind === 'crowded') update({ crowded: push.crowded });
  };
  connect();
  // The background's change notices reach every extension page, this one too.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { kind?: unknown } | null)?.kind === 'be-civic:changed') void open();
  });

  const guard = watchVisibility(document.body, (covered) => {
    if (covered !== model.covered) update({ covered });
  });

  // The static shell goes: the panel drawn next takes its place in the same task, so no paint falls between.
  container.replaceChildren();
  draw();
  void open();
}
