import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

/**
 * Host access comes from the compiled catalog (`npm run catalog -- compile`, run by every npm script
 * that builds): the extension asks for exactly the portal hosts the catalog names, and commune booking
 * sites only on demand.
 */
const hosts: { install: string[]; onDemand: string[]; matches: string[] } = JSON.parse(
  readFileSync(new URL('./src/catalog/generated/hosts.json', import.meta.url), 'utf8'),
);

const CSP = "script-src 'self'; object-src 'none'";

/*
 * `web-ext lint` (npm run lint:firefox, part of npm test) on .output/firefox-mv2: 0 errors. The
 * warnings we keep, and why (tests/lint-firefox.ts fails on any warning code not named here):
 * - UNSAFE_VAR_ASSIGNMENT "Unsafe assignment to innerHTML", in content-scripts/portal.js,
 *   content-scripts/booking.js (the booking-site guide, registered at run time for granted hosts) and
 *   the extension pages' Preact chunk: it is Preact's renderer, which implements the
 *   `dangerouslySetInnerHTML` prop. Our code never passes that prop (npm run lint fails if it does),
 *   so the branch never runs; Preact has no build without it.
 * - DANGEROUS_EVAL "The Function constructor is eval" and "eval can be harmful", in the PDF chunk
 *   (loaded by the dashboard on "Export PDF" only): @pdf-lib/fontkit ships a prebuilt bundle that
 *   contains the `function-bind` polyfill (`Function('binder', …)`, used only where
 *   Function.prototype.bind is missing, which no supported browser lacks) and `get-intrinsic`'s table
 *   of built-ins, which names `eval` without calling it. The extension-page CSP (script-src 'self',
 *   no 'unsafe-eval') would refuse both anyway. Fontkit is what embeds the DejaVu font that makes
 *   accented names print; there is no build of it without these.
 * Fixed rather than kept: data_collection_permissions (required by addons.mozilla.org) exists from
 * Firefox 140 and Firefox for Android 142, hence those minimum versions (140 is an ESR).
 */

export default defineConfig({
  modules: [],
  // Every module imports what it uses. WXT's auto-imports guess from bare names: a parameter called
  // `storage` pulled wxt/utils/storage, with its browser.storage calls, into the background.
  // `imports: false` leaves that transform on; unimport's own `autoImport: false` (not in WXT's type)
  // turns it off and keeps the `#imports` module working.
  imports: { autoImport: false } as object,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The portal content script runs on the catalog's paths of the install-time hosts: the list is
    // written here rather than in the entrypoint, whose options would otherwise ship inside the script.
    'build:manifestGenerated': (_wxt, manifest) => {
      const portal = manifest.content_scripts?.find((c) => c.js?.includes('content-scripts/portal.js'));
      if (!portal) throw new Error('manifest: the portal content script is missing');
      portal.matches = hosts.matches;
    },
  },
  manifest: ({ manifestVersion, browser }) => ({
    // The listing and the browser speak the user's language: public/_locales/{fr,nl,de,en}/messages.json.
    // English is the fallback for any other browser language, the one most of our users read after
    // their own (the catalog's texts fall back to it first too).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Each API permission must be used by code (tests/built/manifest.test.ts checks it): alarms for
    // appointment reminders, scripting to register the content script on the booking sites the user
    // granted. Notifications stay optional: the dashboard asks for them when the user turns reminders on
    // (src/dashboard/Reminders.tsx).
    permissions: ['alarms', 'scripting'],
    // MV2 has no optional_host_permissions (and WXT drops the key rather than moving it): there the
    // booking hosts go into optional_permissions, or Firefox could never grant them.
    optional_permissions: manifestVersion === 2 ? ['notifications', ...hosts.onDemand] : ['notifications'],
    host_permissions: hosts.install,
    optional_host_permissions: hosts.onDemand,
    // The panel's shortcut (src/panel/shortcut.ts says why a command and not a page key listener).
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandTogglePanel__' },
    },
    // The panel's page, framed by the content script on catalog pages (src/panel/host.ts): web accessible
    // to those pages only, and in Chromium only under the per-session dynamic URL, so no other site can
    // frame it or probe for the extension. Firefox's moz-extension origin is random per install already.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['panel.html'], matches: [...hosts.install, ...hosts.onDemand], use_dynamic_url: true }]
        : ['panel.html'],
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
