/**
 * Opens the welcome page once, when the extension is first installed (not on updates or browser
 * restarts), so a new user learns what Be Civic does and does not do before meeting the panel on a
 * portal. Kept out of the background file so the store's worker code stays about the store.
 */
import { browser, type Browser } from 'wxt/browser';

/** The welcome page's path inside the extension (entrypoints/welcome/). */
export const WELCOME_PATH = '/welcome.html';
/** Where the welcome page's start button leads: the dashboard, on the set-up of a new dossier. */
export const SETUP_PATH = '/dashboard.html#setup';

export async function openWelcomeOnInstall(details: Pick<Browser.runtime.InstalledDetails, 'reason'>): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH), active: true });
}
