/**
 * The panel's keyboard shortcut, a manifest command (Alt+Shift+K by default) rather than a key listener
 * on the page: the browser handles it before the page sees the key, so it cannot clash with a portal's
 * own shortcuts or a screen reader's, a page cannot swallow or forge it, and the user can change it in
 * the browser's shortcut settings. It works the same with focus in the page or in the panel's frame:
 * the background relays it to the tab's content script, which moves focus into the frame (and asks
 * the background to have the frame focus its heading) or back to the page.
 */
import { browser } from 'wxt/browser';

export const PANEL_COMMAND = 'toggle-panel';
/** The name of the port a panel frame opens to the background. */
export const PANEL_PORT = 'be-civic-panel';
export const TOGGLE_MESSAGE = { kind: 'be-civic:toggle-panel' } as const;

export function relayPanelShortcut(): void {
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== PANEL_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    // A tab without the content script (not a catalog page) has nobody listening: nothing to do.
    if (id !== undefined) await browser.tabs.sendMessage(id, TOGGLE_MESSAGE, { frameId: 0 }).catch(() => undefined);
  });
}
