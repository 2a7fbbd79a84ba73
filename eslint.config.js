/**
 * `npm run lint` (part of `npm test`): the layers of docs/ARCHITECTURE.md held by rules instead of
 * comments, no import cycle, no product file over 400 lines, and the page-safety promises (nothing
 * turns text into HTML or code, nothing opens a connection). tests/unit/source-safety.test.ts proves
 * that this configuration flags each construct it forbids.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** The rooms, bottom to top. A room may import the rooms below it and itself, never above. */
const MODEL = ['./src/model'];
const I18N = ['./src/i18n'];
const CORE = ['./src/catalog', './src/recognise', './src/dossier', './src/booking/core', './src/privacy'];
const MESSAGING = ['./src/messaging'];
const ADAPTERS = ['./src/store', './src/booking/browser', './src/background', './src/backup'];
const SCREENS = ['./src/panel', './src/dashboard', './src/welcome', './src/export'];
const ENTRYPOINTS = ['./entrypoints'];
const OUTSIDE_PRODUCT = ['./tests', './bench', './demo', './scripts'];

/** One zone per (target room, forbidden room): the message names both, so a finding says what to move. */
function forbid(targets, froms, why) {
  return targets.flatMap((target) => froms.map((from) => ({ target, from, message: why })));
}

const LAYERS = [
  ...forbid(MODEL, [...I18N, ...CORE, ...MESSAGING, ...ADAPTERS, ...SCREENS], 'the model imports no other src/ module'),
  ...forbid(I18N, [...CORE, ...MESSAGING, ...ADAPTERS, ...SCREENS], 'i18n imports only the model'),
  ...forbid(CORE, [...MESSAGING, ...ADAPTERS, ...SCREENS], 'the pure core imports model, i18n and catalog only: no messaging, adapter or screen'),
  ...forbid(MESSAGING, [...ADAPTERS, ...SCREENS], 'messaging sits below the adapters and the screens'),
  ...forbid(['./src/messaging/protocol.ts'], [...CORE, ...ADAPTERS, ...SCREENS, './src/messaging/router.ts', './src/messaging/client.ts', './src/messaging/broadcast.ts'], 'the protocol imports only the model and i18n'),
  ...forbid(ADAPTERS, SCREENS, 'adapters (store, background, booking/browser, backup) never import a screen'),
  // Content-script code runs in the user's page: it never carries storage, the PDF or the background.
  ...forbid(['./src/panel', './entrypoints/portal.content', './entrypoints/booking.content'], ['./src/store', './src/export', './src/background', './src/backup', './src/booking/browser'], 'content-script code never imports storage, export or the background'),
  // Screens are siblings: what two of them share belongs below them (model, i18n, core).
  ...forbid(['./src/panel'], ['./src/dashboard', './src/welcome'], 'a screen never imports another screen'),
  ...forbid(['./src/dashboard'], ['./src/panel', './src/welcome'], 'a screen never imports another screen'),
  ...forbid(['./src/welcome'], ['./src/panel', './src/dashboard', './src/export'], 'a screen never imports another screen'),
  ...forbid(['./src/export'], ['./src/panel', './src/dashboard', './src/welcome'], 'export is loaded by extension pages and imports no screen'),
  ...forbid(['./src'], ENTRYPOINTS, 'entrypoints wire src/ together; src/ never imports them'),
];

/** Product files (not the unit tests beside them, which use tests/support) never import test code. */
const PRODUCT_ONLY = forbid(['./src', './entrypoints'], OUTSIDE_PRODUCT, 'product code never imports tests, bench, demo or scripts');

/** Connections and remote code, as globals and as properties (`globalThis.fetch`, `navigator.sendBeacon`). */
const NETWORK = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'RTCPeerConnection', 'WebTransport', 'importScripts'];
const NO_NETWORK = 'Be Civic opens no connection: everything it needs ships with the extension';

/** What no-unsanitized leaves out: Preact's raw-HTML prop, iframe srcdoc, and the static HTML parser. */
const HTML_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'page text is shown as text, never as HTML' },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'page text is shown as text, never as HTML' },
  { selector: "AssignmentExpression > MemberExpression.left[property.name='srcdoc']", message: 'page text is shown as text, never as HTML' },
  { selector: "MemberExpression[property.name='parseHTMLUnsafe']", message: 'page text is shown as text, never as HTML' },
  { selector: "ImportExpression:not([source.type='Literal'][source.value=/^\\.\\.?\\//])", message: 'lazy imports name a file of ours (./ or ../), never a URL or a computed name' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'src/catalog/generated/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // TypeScript checks names and types (npx tsc --noEmit); these would only repeat it, less well.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // Tests, benchmarks and the demo read the extension's replies across page.evaluate, where they are
    // untyped JSON, and tests build deliberately malformed input; their assertions check the shape.
    // Product code keeps `any` out.
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts', 'scripts/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    // The browser's globals, so that `window.eval` is known to be eval.
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      'no-unsanitized/property': 'error',
      'no-unsanitized/method': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-globals': ['error', ...NETWORK.map((name) => ({ name, message: NO_NETWORK }))],
      'no-restricted-properties': ['error', ...NETWORK.map((property) => ({ property, message: NO_NETWORK }))],
      'no-restricted-syntax': ['error', ...HTML_SYNTAX],
    },
  },
  {
    // The pure core runs anywhere (Node for the CLI and the tests): no browser API.
    files: ['src/{model,i18n,catalog,recognise,dossier,privacy}/**/*.{ts,tsx}', 'src/booking/core/**/*.{ts,tsx}', 'src/messaging/protocol.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['wxt/*', 'wxt', '#imports', 'idb', 'preact', 'preact/*'], message: 'the pure core uses no browser API and no UI library' }] }],
    },
  },
  {
    // Product files stay readable: one job each. String and data tables are exempt (src/i18n's
    // per-language tables, the country list).
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/i18n/**/!(format|index).ts', 'src/dossier/countries.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...LAYERS, ...PRODUCT_ONLY] }] },
  },
);
