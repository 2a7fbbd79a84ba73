/**
 * Platforms, not hosts: a portal family (iMio, the Flemish product pages, the commune sites) is
 * described once in catalog/portals, and the hosts its pages run on come from the commune data. This
 * module turns the two into concrete hosts, for the compile step, the catalog checks and the
 * background (which commune a host belongs to, which origins a commune needs). Pure.
 */
import type { Commune, Portal, PortalPage } from './schema';

type PortalShape = Pick<Portal, 'communes' | 'tenant_hosts'>;
type PageShape = Pick<PortalPage, 'hosts' | 'commune_hosts'>;

/** `[www.]example.be` → both hosts; any other pattern as it is. */
export function expandHost(pattern: string): string[] {
  return pattern.startsWith('[www.]') ? [`www.${pattern.slice(6)}`, pattern.slice(6)] : [pattern];
}

/** A commune's site serves the same pages with and without `www.`: both, `www.` first. */
function bothWays(host: string): string[] {
  const bare = host.replace(/^www\./, '');
  return [`www.${bare}`, bare];
}

function websiteHost(commune: Commune): string | undefined {
  try {
    return commune.website ? new URL(commune.website).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the portal's platform family applies to this commune. */
export function appliesTo(portal: PortalShape, commune: Commune): boolean {
  const rule = portal.communes;
  if (!rule) return false;
  if (rule.platform && commune.eguichet?.platform !== rule.platform) return false;
  if (rule.regions && !rule.regions.includes(commune.region)) return false;
  return rule.platform !== undefined || websiteHost(commune) !== undefined;
}

/** The hosts of one kind a commune has on this portal ('website': its site, with and without `www.`). */
export function communeHosts(portal: PortalShape, commune: Commune, kind: NonNullable<PortalPage['commune_hosts']>): string[] {
  const eguichet = commune.eguichet;
  const tenant = eguichet?.tenant;
  const fromTemplate = (template: string | undefined) => (template && tenant ? [template.replace('{tenant}', tenant)] : []);
  switch (kind) {
    case 'website': {
      const host = websiteHost(commune);
      return host ? bothWays(host) : [];
    }
    case 'eguichet':
      if (eguichet?.host) return eguichet.platform === 'e-loket' ? bothWays(eguichet.host) : expandHost(eguichet.host);
      return fromTemplate(portal.tenant_hosts?.eguichet);
    case 'forms':
      return eguichet?.forms_host ? [eguichet.forms_host] : fromTemplate(portal.tenant_hosts?.forms);
  }
}

/** Every host of a page, with the commune it belongs to when it comes from the commune data. */
export function pageHosts(portal: PortalShape, page: PageShape, communes: readonly Commune[]): Array<{ host: string; commune?: string }> {
  const out: Array<{ host: string; commune?: string }> = page.hosts.flatMap((pattern) => expandHost(pattern).map((host) => ({ host })));
  const kind = page.commune_hosts;
  if (kind) {
    for (const commune of communes) {
      if (!appliesTo(portal, commune)) continue;
      for (const host of communeHosts(portal, commune, kind)) out.push({ host, commune: commune.id });
    }
  }
  const seen = new Set<string>();
  return out.filter(({ host }) => !seen.has(host) && seen.add(host));
}
