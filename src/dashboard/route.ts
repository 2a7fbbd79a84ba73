/**
 * The dashboard's address scheme, so other parts of the extension (the panel's "set up a dossier"
 * button via dashboard:open, the welcome page) can open it on the right view:
 *   dashboard.html               every dossier side by side
 *   dashboard.html#setup         the set-up of a new dossier (#setup=<procedure id> preselects one)
 *   dashboard.html#dossier=<id>  one dossier in full
 *   dashboard.html#settings      settings
 * The background's dashboard:open handler opens these same addresses.
 */
export type Route =
  | { view: 'overview' }
  | { view: 'setup'; procedure?: string }
  | { view: 'dossier'; id: string }
  | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [name, ...rest] = raw.split('=');
  const value = rest.length > 0 ? decodeURIComponent(rest.join('=')) : undefined;
  if (name === 'setup') return value ? { view: 'setup', procedure: value } : { view: 'setup' };
  if (name === 'dossier' && value) return { view: 'dossier', id: value };
  if (name === 'settings') return { view: 'settings' };
  return { view: 'overview' };
}

export function routeHash(route: Route): string {
  if (route.view === 'setup') return route.procedure ? `#setup=${encodeURIComponent(route.procedure)}` : '#setup';
  if (route.view === 'dossier') return `#dossier=${encodeURIComponent(route.id)}`;
  if (route.view === 'settings') return '#settings';
  return '#';
}
