/**
 * What the catalog says about going through with the procedure, with or without a commune: how long it
 * takes (delays), what is good to know (notes), and for each visit who must come, whether it is by
 * appointment, what to bring — each document with the requirements it is for, what is missing said
 * loudly — and, when no commune's booking applies, whom to ask (a consulate's own page). The commune's
 * booking channels are Booking.tsx's.
 */
import type { DossierSummary } from '../../dossier/summary';
import { describeDelay } from '../../dossier/describe';
import { GUIDANCE_STRINGS } from '../../i18n/guidance';
import { formatList } from '../../i18n/format';
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

export function Visits({ summary }: { summary: DossierSummary }) {
  const { t, lang } = useDashboard();
  const g = GUIDANCE_STRINGS[lang];
  if (summary.visits.length === 0) return null;
  return (
    <section aria-labelledby="visits-title">
      <h2 id="visits-title">{g.visits}</h2>
      <p class="help">{g.visitsIntro}</p>
      {summary.visits.map((visit) => {
        const headingId = `desk-${visit.id}`;
        const { booking } = visit;
        return (
          <article key={visit.id} aria-labelledby={headingId} class="visit" data-desk={visit.id}>
            <h3 id={headingId}>{visit.label}</h3>
            {visit.uncertain && <p class="help">{t.uncertain}</p>}
            {visit.who && (
              <p>
                <strong>{g.whoComes}</strong>: {visit.who}
              </p>
            )}
            {visit.appointment && <p>{g.appointment[visit.appointment]}</p>}
            {visit.note && <p class="help">{visit.note}</p>}
            {visit.refusedIfBookedNow && (
              <p class="stale" role="note">
                <strong>{g.completeFile}</strong>
              </p>
            )}
            <h4>{g.bring}</h4>
            <ul class="bring">
              {visit.bring.map((b) => (
                <li key={b.artefact} class={b.ready ? 'ready' : 'missing'} data-artefact={b.artefact}>
                  {b.title} — {b.ready ? g.ready : <strong>{g.missing}</strong>}
                  <span class="help"> ({g.bringFor(formatList(b.proves, lang))})</span>
                </li>
              ))}
            </ul>
            {booking.from !== 'commune' && (
              <>
                <h4>{g.howToBook}</h4>
                {booking.from === 'ask' ? (
                  <p>{booking.communeNeeded ? g.chooseCommune : g.askAuthority(booking.authority)}</p>
                ) : (
                  <ul class="channels">
                    {booking.channels.map((c) => (
                      <li key={c.value}>
                        {c.href ? <a href={c.href} target="_blank" rel="noopener noreferrer">{c.kind === 'online' ? g.bookOnline(c.value) : c.kind === 'phone' ? g.call(c.value) : g.mail(c.value)}</a> : g.walkIn(c.value)}
                        {c.note && <p class="help">{c.note}</p>}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
