/**
 * What the catalog says about the procedure's time line, with or without a commune: how long it takes
 * (delays) and what is good to know (notes). The visits themselves — who comes, what to bring, how to
 * book — are Booking.tsx's.
 */
import type { DossierSummary } from '../../dossier/summary';
import { describeDelay } from '../../dossier/describe';
import { GUIDANCE_STRINGS } from '../../i18n/guidance';
import { useDashboard } from '../context';

export function Delays({ summary }: { summary: DossierSummary }) {
  const { t, lang } = useDashboard();
  const g = GUIDANCE_STRINGS[lang];
  if (summary.delays.length === 0 && summary.notes.length === 0) return null;
  return (
    <section aria-labelledby="delays-title">
      <h2 id="delays-title">{g.delays}</h2>
      {summary.delays.length > 0 && (
        <ul class="delays">
          {summary.delays.map((d) => (
            <li key={d.id} data-delay={d.id}>
              {describeDelay(d, lang)}
              {d.uncertain && <span class="help"> — {t.uncertain}</span>}
              {d.note && <p class="help">{d.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {summary.notes.length > 0 && (
        <>
          <h3>{g.goodToKnow}</h3>
          <ul class="notes">
            {summary.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
