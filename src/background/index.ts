/**
 * The background's services, assembled: one module per feature, each answering its own messages, and
 * the access policy that every message passes before any of them runs. entrypoints/background.ts
 * wires this to the browser; the unit tests wire it to fake-indexeddb.
 */
import type { Services } from '../messaging/router';
import { appointmentHandlers } from './appointments';
import { attachmentHandlers } from './attachments';
import { backupHandlers } from './backup';
import { createContext, type ServiceDeps } from './context';
import { dossierHandlers } from './dossiers';
import { historyHandlers } from './history';
import { pageHandlers } from './pages';
import { admit } from './policy';
import { progressHandlers } from './progress';
import { settingsHandlers } from './settings';

export function createServices(deps: ServiceDeps): Services {
  const ctx = createContext(deps);
  return {
    handlers: {
      ...pageHandlers(ctx),
      ...progressHandlers(ctx),
      ...attachmentHandlers(ctx),
      ...dossierHandlers(ctx),
      ...appointmentHandlers(ctx),
      ...historyHandlers(ctx),
      ...settingsHandlers(ctx),
      ...backupHandlers(ctx),
    },
    admit: (type, payload, sender) => admit(deps.catalog, type, payload, sender),
  };
}
