/**
 * Sources named for people: a provenance is a seed file or a page address, and users must read who
 * said it ("Commune of Eupen — population and civil-status services", "CeRAIC / CIMB — …") with its
 * public address where one exists, never a file name. Seeds are named in catalog/provenance.yaml; a page
 * is named after the commune or portal whose site it is on, else its host.
 */
import type { CompiledCatalog, LocalText } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';

export interface SourceName {
  label: string;
  /** The public address to look it up, when there is one. */
  url?: string;
}

const DATA_FILE = /\.(csv|tsv|json|xlsx?)(?:[?#].*)?$/i;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function provenanceName(catalog: Pick<CompiledCatalog, 'provenance' | 'communes' | 'portals'>, ref: string, lang: Lang): SourceName {
  const show = (t: LocalText) => localise(t, lang).text;
  if (ref.startsWith('seeds/')) {
    const named = catalog.provenance?.find((p) => p.ref === ref);
    // The loader refuses a catalog citing a seed it cannot name; this only guards hand-made catalogs.
    return named ? { label: show(named.label), ...(named.url ? { url: named.url } : {}) } : { label: show({ fr: 'Document de référence', nl: 'Referentiedocument', de: 'Referenzdokument', en: 'Reference document' }) };
  }
  // A fact seen in public code whose repository could not be named (`unnamed public code: …`, see the
  // catalog's README): people get what it is, not our description of where it was seen.
  if (ref.startsWith('unnamed public code:')) return { label: show({ fr: 'Code source public', nl: 'Openbare broncode', de: 'Öffentlicher Quellcode', en: 'Public source code' }) };
  const host = hostOf(ref);
  // A machine-readable list (the communes' codes, names and postcodes come from such tables) is no
  // page a person reads: it is named as a data set, without the file's address.
  if (DATA_FILE.test(ref)) return { label: `${show({ fr: 'Jeu de données public', nl: 'Openbare dataset', de: 'Öffentlicher Datensatz', en: 'Public data set' })}${host ? ` (${host})` : ''}` };
  const commune = host ? catalog.communes.find((c) => (c.website && hostOf(c.website) === host) || host.startsWith(`${c.id}.`)) : undefined;
  if (commune) return { label: show(commune.names), url: ref };
  const portal = host ? catalog.portals.find((p) => p.id === host.split('.')[0]) : undefined;
  if (portal) return { label: show(portal.name), url: ref };
  return { label: host ?? ref, url: ref };
}

/** Each provenance once, in order, named for people. */
export function provenanceNames(catalog: Pick<CompiledCatalog, 'provenance' | 'communes' | 'portals'>, refs: string[], lang: Lang): SourceName[] {
  const out: SourceName[] = [];
  for (const ref of refs) {
    const name = provenanceName(catalog, ref, lang);
    if (!out.some((n) => n.label === name.label && n.url === name.url)) out.push(name);
  }
  return out;
}
