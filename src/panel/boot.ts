/**
 * The few words the panel shows before the background's first answer (the rest arrives with
 * `panel:open`), and the filling of `{slot}` templates.
 */
import type { Lang } from '../i18n';

export const BOOT: Record<Lang, { loading: string; collapse: string; expand: string }> = {
  fr: { loading: 'Chargement…', collapse: 'Masquer', expand: 'Afficher Be Civic' },
  nl: { loading: 'Laden…', collapse: 'Verbergen', expand: 'Be Civic tonen' },
  de: { loading: 'Wird geladen…', collapse: 'Ausblenden', expand: 'Be Civic anzeigen' },
  en: { loading: 'Loading…', collapse: 'Hide', expand: 'Show Be Civic' },
};

/** Fills the `{name}` slots of a template; an unknown slot stays as it is. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
