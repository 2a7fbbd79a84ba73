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

export default defineConfig({
  modules: [],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Be Civic',
    description: 'Walks you through Belgian administrative procedures on the portals where they happen. Nothing leaves your browser.',
    permissions: ['storage'],
    host_permissions: hosts.install,
    optional_host_permissions: hosts.onDemand,
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'be-civic@be-civic.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
