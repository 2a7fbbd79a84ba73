/**
 * "Book an appointment" for each visit the procedure needs: the commune's channels (online booking
 * page, phone, a pre-filled e-mail, walk-in), which service to pick there, who must come, what to bring
 * with what is still missing said loudly, and — for online booking — Be Civic's access to that site,
 * asked for here in the user's click (optional host permission) and never at install.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Procedure } from '../../catalog/compiled';
import { bookingOrigins, hostOfPattern } from '../../booking/core/origins';
import { appointmentMail } from '../../booking/core/mail';
import { bookingPlan } from '../../booking/core/plan';
import type { Progress } from '../../model/data';
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { feeAmount } from '../../dossier/describe';

export function Booking({ summary, procedure, progress }: { summary: DossierSummary; procedure: Procedure; progress: Progress[] }) {
  const { t, lang, catalog, act } = useDashboard();
  const { dossier } = summary;
  const origins = dossier.commune ? bookingOrigins(catalog, dossier.commune) : [];
  const [granted, setGranted] = useState<boolean | undefined>();
  useEffect(() => {
    if (origins.length === 0) return;
    void browser.permissions.contains({ origins }).then(setGranted, () => setGranted(false));
  }, [origins.join()]);
  if (procedure.visits.length === 0) return null;

  return (
    <section aria-labelledby="booking-title">
      <h2 id="booking-title">{t.booking}</h2>
      {!dossier.commune ? (
        <p>{t.bookingNeedsCommune}</p>
      ) : (
        procedure.visits.map((visit) => {
          const plan = bookingPlan(catalog, procedure, visit.id, dossier, progress, lang);
          const headingId = `visit-${visit.id}`;
          return (
            <article key={visit.id} aria-labelledby={headingId} class="visit" data-visit={visit.id}>
              <h3 id={headingId}>{plan.visit.label.text}</h3>
              {plan.visit.who && (
                <p>
                  <strong>{t.whoComes}</strong>: {plan.visit.who.text}
                </p>
              )}
              {plan.visit.appointment && <p>{t.visitAppointment[plan.visit.appointment]}</p>}
              {plan.visit.note && <p class="help">{plan.visit.note.text}</p>}
              {plan.refusedIfBookedNow && (
                <p class="stale" role="note">
                  <strong>{t.completeFile}</strong>
                </p>
              )}
              <h4>{t.bring}</h4>
              <ul class="bring">
                {plan.bring.map((b) => (
                  <li key={b.artefact} class={b.ready ? 'ready' : 'missing'}>
                    {b.title.text} — {b.ready ? t.ready : <strong>{t.missing}</strong>}
                  </li>
                ))}
              </ul>
              <p>
                {t.fees}: {feeAmount(summary.fees, lang)}
              </p>
              <h4>{t.howToBook}</h4>
              {plan.channels.length === 0 && <p class="muted">{t.noChannel}</p>}
              <ul class="channels">
                {plan.channels.map((c, i) => {
                  const mail =
                    c.kind === 'email'
                      ? appointmentMail({
                          to: c.value,
                          communeLanguages: plan.commune.languages,
                          userLang: lang,
                          applicant: dossier.label,
                          reason: `${summary.procedureTitle} — ${plan.visit.label.text}`,
                        })
                      : undefined;
                  return (
                    <li key={i}>
                      {c.kind === 'online' && c.href && (
                        <a href={c.href} target="_blank" rel="noopener noreferrer">
                          {t.bookOnline}
                        </a>
                      )}
                      {c.kind === 'phone' && c.href && (
                        <a href={c.href}>
                          {t.call} {c.value}
                        </a>
                      )}
                      {mail && <a href={mail.href}>{t.writeMail(c.value)}</a>}
                      {c.kind === 'walk-in' && (
                        <span>
                          {t.walkIn}: {c.value}
                        </span>
                      )}
                      {c.kind === 'online' && !c.href && <span>{c.value}</span>}
                      {c.choose && (
                        <p>
                          {t.chooseThere}: <strong>{c.choose.text}</strong>
                        </p>
                      )}
                      {c.note && <p class="help">{c.note.text}</p>}
                    </li>
                  );
                })}
              </ul>
              {origins.length > 0 &&
                (granted ? (
                  <p>{t.siteAllowed(origins.map(hostOfPattern).join(', '))}</p>
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      // Asked in the click itself: browsers grant optional host access only in a user gesture.
                      act(async () => {
                        const ok = await browser.permissions.request({ origins });
                        setGranted(ok);
                        return ok;
                      })
                    }
                  >
                    {t.allowSite(origins.map(hostOfPattern).join(', '))}
                  </button>
                ))}
            </article>
          );
        })
      )}
    </section>
  );
}
