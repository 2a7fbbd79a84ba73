import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

/**
 * Host access comes from the compiled catalog (`npm run catalog -- compile`, run by every npm script
 * that builds): the extension asks for exactly the portal hosts the catalog names, and commune booking
 * sites only on demand.
 */
const hosts: { install: string[]; onDemand: string[] } = JSON.parse(
  readFileSync(new URL('./src/catalog/generated/hosts.json', import.meta.url), 'utf8'),
);

const CSP = "script-src 'self'; object-src 'none'";

/*
 * `web-ext lint` (npm run lint:firefox, part of npm test) on .output/firefox-mv2: 0 errors. The one
 * warning we keep, and why:
 * - UNSAFE_VAR_ASSIGNMENT "Unsafe assignment to innerHTML", in content-scripts/portal.js and the
 *   extension pages' Preact chunk: it is Preact's renderer, which implements the `dangerouslySetInnerHTML` prop. Our
 *   code never passes that prop (tests/unit/source-safety.test.ts fails if it does), so the branch never
 *   runs; Preact has no build without it.
 * Fixed rather than kept: data_collection_permissions (required by addons.mozilla.org) exists from
 * Firefox 140 and Firefox for Android 142, hence those minimum versions (140 is an ESR).
 */

export default defineConfig({
  modules: [],
  // Every module imports what it uses. WXT's auto-imports guess from bare names: a parameter called
  // `storage` pulled wxt/utils/storage, with its browser.storage calls, into the background.
  // `imports: false` leaves that transform on; unimport's own `autoImport: false` (not in WXT's type)
  // turns it off and keeps the `#imports` module working.
  imports: { autoImport: false } as {},
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Be Civic',
    description: 'Walks you through Belgian administrative procedures on the portals where they happen. Nothing leaves your browser.',
    // Each API permission must be used by code (tests/unit/manifest.test.ts checks it): alarms for
    // appointment reminders, scripting to register the content script on the booking sites the user
    // granted. Notifications stay optional: the dashboard asks for them when the user wants reminders.
    permissions: ['alarms', 'scripting'],
    optional_permissions: ['notifications'],
    host_permissions: hosts.install,
    optional_host_permissions: hosts.onDemand,
    // The panel's shortcut (src/panel/shortcut.ts says why a command and not a page key listener).
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Move into the Be Civic panel on a portal page, and back' },
    },
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'be-civic@be-civic.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
