/**
 * On a booking page: which service or reason should each of the user's dossiers pick here? The
 * catalog says it per commune (or consulate) and procedure (`booking[].services[].choose`), often quoting the
 * site's own label («…», „…“, “…”): those quoted labels are what the panel looks for on the page.
 */
import type { CompiledCatalog, LocalText } from '../../catalog/compiled';
import type { Dossier } from '../../model/data';
import type { BookingService } from '../../model/views';
import { localise, type Lang } from '../../i18n';
import { channelHosts } from '../../catalog/platforms';
import { dossierChannels } from './origins';

const QUOTED = /«\s*([^»]+?)\s*»|„([^“”]+)[“”]|“([^”]+)”|"([^"]+)"/g;

/** The site labels a `choose` text quotes, in every language it is written in; the text itself when it quotes none. */
export function labelsOf(choose: LocalText): string[] {
  const labels = new Set<string>();
  for (const text of Object.values(choose)) {
    if (!text) continue;
    for (const m of text.matchAll(QUOTED)) labels.add((m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  labels.delete('');
  return labels.size > 0 ? [...labels] : [choose.fr];
}

export function bookingServicesAt(
  catalog: Pick<CompiledCatalog, 'communes' | 'procedures' | 'platforms' | 'consulates'>,
  host: string,
  dossiers: Array<Pick<Dossier, 'id' | 'label' | 'procedure' | 'commune'>>,
  lang: Lang,
): BookingService[] {
  const out: BookingService[] = [];
  for (const dossier of dossiers) {
    const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
    if (!procedure) continue;
    for (const channel of dossierChannels(catalog, dossier)) {
      if (!channelHosts(channel, catalog.platforms ?? []).includes(host)) continue;
      for (const service of channel.services.filter((s) => s.for === procedure.id)) {
        const visit = service.visit ? procedure.visits.find((v) => v.id === service.visit) : undefined;
        out.push({
          dossierId: dossier.id,
          dossierLabel: dossier.label,
          procedureTitle: localise(procedure.title, lang),
          ...(visit ? { visit: { id: visit.id, label: localise(visit.label, lang) } } : {}),
          choose: localise(service.choose, lang),
          labels: labelsOf(service.choose),
        });
      }
    }
  }
  return out;
}
