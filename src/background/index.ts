/**
 * The background's services, assembled: one module per feature, each answering its own messages, and
 * the access policy that every message passes before any of them runs. entrypoints/background.ts
 * wires this to the browser; the unit tests wire it to fake-indexeddb.
 */
import type { SenderInfo, Services } from '../messaging/router';
import type { GuideReading } from '../model/views';
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
import { tabHandlers } from './tabs';

export function createServices(deps: ServiceDeps): Services & { forgetTab(tabId: number): void; resolve(sender: SenderInfo): Promise<SenderInfo>; lastGuide(tabId: number, page: string): GuideReading | undefined } {
  const ctx = createContext(deps);
  return {
    handlers: {
      ...pageHandlers(ctx),
      ...tabHandlers(ctx),
      ...progressHandlers(ctx),
      ...attachmentHandlers(ctx),
      ...dossierHandlers(ctx),
      ...appointmentHandlers(ctx),
      ...historyHandlers(ctx),
      ...settingsHandlers(ctx),
      ...backupHandlers(ctx),
    },
    admit: (type, payload, sender) => admit(deps.catalog, type, payload, sender),
    resolve: (sender) => ctx.tabs.resolve(sender),
    forgetTab: (tabId) => ctx.tabs.forget(tabId),
    lastGuide: (tabId, page) => ctx.tabs.lastGuide(tabId, page),
  };
}
