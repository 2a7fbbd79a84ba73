/**
 * On a commune booking page: which service or reason should each of the user's dossiers pick here?
 * The catalog says it per commune and procedure (`booking[].services[].choose`), often quoting the
 * site's own label («…», „…“, “…”): those quoted labels are what the panel looks for on the page.
 */
import type { CompiledCatalog, LocalText } from '../../catalog/compiled';
import type { Dossier } from '../../model/data';
import type { BookingService } from '../../model/views';
import { localise, type Lang } from '../../i18n';

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
  catalog: Pick<CompiledCatalog, 'communes' | 'procedures'>,
  host: string,
  dossiers: Array<Pick<Dossier, 'id' | 'label' | 'procedure' | 'commune'>>,
  lang: Lang,
): BookingService[] {
  const out: BookingService[] = [];
  for (const dossier of dossiers) {
    const commune = catalog.communes.find((c) => c.id === dossier.commune);
    const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
    if (!commune || !procedure) continue;
    for (const channel of commune.booking) {
      if (channel.kind !== 'online') continue;
      let channelHost: string;
      try {
        channelHost = new URL(channel.value).hostname;
      } catch {
        continue;
      }
      if (channelHost !== host) continue;
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
