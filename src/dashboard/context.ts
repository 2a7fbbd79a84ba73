/**
 * What every dashboard component needs without threading it through props: the UI language and its
 * strings, the catalog, the user's settings, and `act`, which runs a change through the background
 * and reports its outcome in the page's live region (success said politely, failure as an alert).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CompiledCatalog } from '../catalog/compiled';
import type { Lang } from '../i18n';
import type { Settings } from '../model/data';
import type { DashboardStrings as Strings } from '../i18n/dashboard';

export interface DashboardContext {
  lang: Lang;
  t: Strings;
  catalog: CompiledCatalog;
  settings: Settings;
  /** Runs `work`; announces `done` (if given) or the error. Resolves to the work's result, or undefined on failure. */
  act<T>(work: () => Promise<T>, done?: string): Promise<T | undefined>;
  /** The day the dashboard considers "today" (YYYY-MM-DD, local). */
  today: string;
}

/** A refusal the dashboard itself says, already in the user's language (the background's come as codes). */
export class Refusal extends Error {}

export const Ctx = createContext<DashboardContext | null>(null);

export function useDashboard(): DashboardContext {
  const value = useContext(Ctx);
  if (!value) throw new Error('dashboard context missing');
  return value;
}
