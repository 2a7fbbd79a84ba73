/**
 * "Book an appointment", visit by visit, as the dossier core gives them (src/dossier/visits.ts): who
 * comes, what to bring — the whole file for a desk that refuses an incomplete one, alternatives on one
 * line, expired papers never ready — how this visit is booked (the commune's or the consulate's
 * channels and the service to pick there, an invitation, a walk-in, or "not known" said plainly), the
 * appointment saved for it, and Be Civic's access to an online booking site, asked for here in the
 * user's click (optional host permission) and never at install.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { bookingOrigins, hostOfPattern } from '../../booking/core/origins';
import { appointmentMail } from '../../booking/core/mail';
import type { ChannelView, VisitView } from '../../dossier/visits';
import type { DossierSummary } from '../../dossier/summary';
import { formatList, formatMoment } from '../../i18n/format';
import { useDashboard } from '../context';

function Channel({ c, visit, summary }: { c: ChannelView; visit: VisitView; summary: DossierSummary }) {
  const { t, lang, catalog } = useDashboard();
  const { dossier } = summary;
  const commune = dossier.commune ? catalog.communes.find((x) => x.id === dossier.commune) : undefined;
  const mail =
    c.kind === 'email'
      ? appointmentMail({ to: c.value, communeLanguages: commune?.languages ?? ['fr'], userLang: lang, applicant: dossier.label, reason: `${summary.procedureTitle} — ${visit.label}` })
      : undefined;
  return (
    <li>
      {c.platform && <p class="help">{t.onPlatform(c.platform.name)}</p>}
      {c.kind === 'online' && c.href && (
        <a href={c.href} target="_blank" rel="noopener noreferrer">
          {t.bookOnline}
        </a>
      )}
      {c.kind === 'request-form' && c.href && (
        <a href={c.href} target="_blank" rel="noopener noreferrer">
          {t.requestForm}
        </a>
      )}
      {(c.kind === 'online' || c.kind === 'request-form') && !c.href && <span>{c.value}</span>}
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
      {c.notEncrypted && (
        <p class="stale" role="note">
          {t.notEncrypted}
        </p>
      )}
      {c.unverified && <p class="muted">{t.unverifiedChannel}</p>}
      {c.choose && (
        <p>
          {t.chooseThere}: <strong>{c.choose}</strong>
          {c.chooseUnverified && <span class="muted"> ({t.unverifiedLabel})</span>}
        </p>
      )}
      {c.note && <p class="help">{c.note}</p>}
      {c.platform?.notes && <p class="muted">{c.platform.notes}</p>}
    </li>
  );
}

function HowToBook({ visit, summary }: { visit: VisitView; summary: DossierSummary }) {
  const { t } = useDashboard();
  const b = visit.booking;
  if (b.from === 'invitation') return null;
  if (b.from === 'walk-in') {
    return b.channels.length > 0 ? (
      <>
        <h4>{t.walkInWhere}</h4>
        <ul class="channels">
          {b.channels.map((c, i) => (
            <Channel key={i} c={c} visit={visit} summary={summary} />
          ))}
        </ul>
      </>
    ) : null;
  }
  return (
    <>
      <h4>{t.howToBook}</h4>
      {b.from === 'ask' && <p>{b.communeNeeded ? t.bookingNeedsCommune : t.noChannel}</p>}
      {b.from === 'unknown' && <p>{t.bookingUnknown(b.name)}</p>}
      {(b.from === 'commune' || b.from === 'authority') && (
        <>
          {b.from === 'authority' && <p>{t.bookWith(b.name)}</p>}
          <ul class="channels">
            {b.channels.map((c, i) => (
              <Channel key={i} c={c} visit={visit} summary={summary} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function Booking({ summary }: { summary: DossierSummary }) {
  const { t, lang, catalog, act } = useDashboard();
  const { dossier } = summary;
  const origins = bookingOrigins(catalog, dossier);
  const [granted, setGranted] = useState<boolean | undefined>();
  useEffect(() => {
    if (origins.length === 0) return;
    void browser.permissions.contains({ origins }).then(setGranted, () => setGranted(false));
  }, [origins.join()]);
  if (summary.visits.length === 0) return null;

  return (
    <section aria-labelledby="booking-title">
      <h2 id="booking-title">{t.booking}</h2>
      {summary.visits.map((visit) => {
        const headingId = `visit-${visit.id}`;
        const guided = visit.booking.from === 'commune' || visit.booking.from === 'authority' ? visit.booking.channels.some((c) => c.platform?.inPage) : false;
        return (
          <article key={visit.id} aria-labelledby={headingId} class="visit" data-visit={visit.id}>
            <h3 id={headingId}>{visit.label}</h3>
            {visit.who && (
              <p>
                <strong>{t.whoComes}</strong>: {visit.who}
              </p>
            )}
            {visit.appointment && <p>{t.visitAppointment[visit.appointment]}</p>}
            {visit.note && <p class="help">{visit.note}</p>}
            {visit.refusedIfBookedNow && (
              <p class="stale" role="note">
                <strong>{t.completeFile}</strong>
              </p>
            )}
            {visit.appointments.length > 0 && (
              <>
                <h4>{t.visitAppointments}</h4>
                <ul>
                  {visit.appointments.map((a) => (
                    <li key={a.id}>
                      <strong>{formatMoment(a.start, lang)}</strong> — {a.service}
                      {a.place ? ` · ${a.place}` : ''}
                      {a.reference ? ` · ${a.reference}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h4>{t.bring}</h4>
            <ul class="bring">
              {visit.bring.map((b) => (
                <li key={b.artefact} class={b.ready ? 'ready' : 'missing'}>
                  {b.or.length > 0 ? formatList([b.title, ...b.or], lang, 'disjunction') : b.title} —{' '}
                  {b.ready ? t.ready : <strong>{b.validity === 'expired' ? t.expiredDoc : b.validity === 'expiring' ? t.expiringDoc : t.missing}</strong>}
                </li>
              ))}
            </ul>
            <HowToBook visit={visit} summary={summary} />
            {guided &&
              origins.length > 0 &&
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
      })}
    </section>
  );
}
