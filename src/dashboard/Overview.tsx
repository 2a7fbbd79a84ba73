/**
 * Every dossier side by side (one per family member, say): how far along each is, what stands out
 * (expired or soon-expiring documents), what is next, the fees and the next appointment.
 */
import type { DossierDetail } from '../model/views';
import type { Dossier } from '../model/data';
import { summarise } from '../dossier/summary';
import { useDashboard } from './context';
import { describeValidity, feeAmount } from '../dossier/describe';
import { routeHash } from './route';
import { formatMoment } from '../i18n/format';

export function Overview({ dossiers, details }: { dossiers: Dossier[]; details: Record<string, DossierDetail> }) {
  const { t, lang, catalog, today } = useDashboard();
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t.dossiers}</h1>
      {dossiers.length === 0 ? (
        <p>
          {t.noDossiers} <a href="#setup">{t.newDossier}</a>
        </p>
      ) : (
        <ul class="cards">
          {dossiers.map((dossier) => {
            const detail = details[dossier.id];
            if (!detail || !catalog.procedures.some((p) => p.id === dossier.procedure)) {
              return (
                <li key={dossier.id} class="card">
                  <h2>{dossier.label}</h2>
                  <p aria-busy="true">{t.loading}</p>
                </li>
              );
            }
            const summary = summarise({ catalog, dossier, progress: detail.progress, appointments: detail.appointments, lang, today });
            const stale = summary.todo.filter((x) => x.validity);
            const nextAppointment = summary.appointments.find((a) => a.start.slice(0, 10) >= today);
            return (
              <li key={dossier.id} class="card" data-dossier={dossier.id}>
                <h2>
                  <a href={routeHash({ view: 'dossier', id: dossier.id })}>{dossier.label}</a>
                </h2>
                <p>{summary.procedureTitle}</p>
                {summary.communeName && <p class="muted">{summary.communeName}</p>}
                <p>
                  <progress max={Math.max(summary.counts.needed, 1)} value={summary.counts.settled} aria-label={t.checklist} />{' '}
                  {t.progressCount(summary.counts.settled, summary.counts.needed)}
                </p>
                {stale.length > 0 && (
                  <ul class="alerts">
                    {stale.map((x) => (
                      <li key={x.node} class={x.validity?.state === 'expired' ? 'expired' : 'expiring'}>
                        <strong>{x.title}</strong>: {describeValidity(x, lang)}
                      </li>
                    ))}
                  </ul>
                )}
                {summary.todo[0] && (
                  <p>
                    {t.nextStep}: {summary.todo[0].title}
                  </p>
                )}
                <p>
                  {t.fees}: {feeAmount(summary.fees, lang)}
                </p>
                {nextAppointment && (
                  <p>
                    {t.appointments}: {formatMoment(nextAppointment.start, lang)} — {nextAppointment.service}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
