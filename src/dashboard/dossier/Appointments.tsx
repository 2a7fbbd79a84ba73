/** The dossier's appointments: list, delete, add by hand, and export to a calendar (.ics, its library loaded on click). */
import { useState } from 'preact/hooks';
import { localise } from '../../i18n';
import { send } from '../../messaging/client';
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { RemindersToggle } from '../Reminders';
import { exportFileName, saveFile } from '../files';
import { formatMoment } from '../../i18n/format';

export function Appointments({ summary }: { summary: DossierSummary }) {
  const { t, lang, catalog, act, today } = useDashboard();
  const { dossier } = summary;
  const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
  const empty = { service: '', start: '', duration: '', place: '', reference: '', visit: procedure?.visits[0]?.id ?? '' };
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<string | undefined>();
  const field = (key: Exclude<keyof typeof empty, 'visit'>, label: string, type = 'text') => (
    <div class="field">
      <label for={`appt-${key}`}>{label}</label>
      <input id={`appt-${key}`} type={type} value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </div>
  );
  return (
    <section aria-labelledby="appointments-title">
      <h2 id="appointments-title">{t.appointments}</h2>
      {summary.appointments.length === 0 ? (
        <p class="muted">{t.noAppointments}</p>
      ) : (
        <ul class="appointments">
          {summary.appointments.map((a) => (
            <li key={a.id}>
              <strong>{formatMoment(a.start, lang)}</strong> — {a.service}
              {a.place && ` — ${a.place}`}
              {a.reference && ` — ${t.reference}: ${a.reference}`}{' '}
              <button type="button" onClick={() => act(() => send('appointment:delete', { id: a.id }), t.saved)}>
                {t.deleteAppointment} <span class="sr-only">{formatMoment(a.start, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {summary.appointments.length > 0 && (
        <button
          type="button"
          onClick={() =>
            act(async () => {
              const { appointmentsToIcs } = await import('../../export/ics');
              const ics = appointmentsToIcs(summary.appointments, { dossierLabel: dossier.label, referenceLabel: t.reference });
              saveFile(ics, exportFileName('appointments', today, 'ics'), 'text/calendar');
            })
          }
        >
          {t.exportIcs}
        </button>
      )}
      <RemindersToggle id="appointment-reminders" />
      <details>
        <summary>{t.addAppointment}</summary>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!form.service.trim() || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(form.start)) return setProblem(`${t.service} · ${t.start}`);
            setProblem(undefined);
            const minutes = Number(form.duration);
            const saved = await act(
              () =>
                send('appointment:save', {
                  id: crypto.randomUUID(),
                  dossierId: dossier.id,
                  service: form.service.trim(),
                  start: form.start,
                  ...(dossier.commune ? { commune: dossier.commune } : {}),
                  ...(form.visit ? { visit: form.visit } : {}),
                  ...(Number.isInteger(minutes) && minutes > 0 ? { durationMinutes: minutes } : {}),
                  ...(form.place.trim() ? { place: form.place.trim() } : {}),
                  ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
                }),
              t.saved,
            );
            if (saved) setForm(empty);
          }}
        >
          {procedure && procedure.visits.length > 1 && (
            <div class="field">
              <label for="appt-visit">{t.visitFor}</label>
              <select id="appt-visit" value={form.visit} onChange={(e) => setForm({ ...form, visit: e.currentTarget.value })}>
                {procedure.visits.map((v) => (
                  <option key={v.id} value={v.id}>
                    {localise(v.label, lang).text}
                  </option>
                ))}
              </select>
            </div>
          )}
          {field('service', t.service)}
          {field('start', t.start, 'datetime-local')}
          {field('duration', t.duration, 'number')}
          {field('place', t.place)}
          {field('reference', t.reference)}
          {problem && (
            <p role="alert" class="error">
              {problem}
            </p>
          )}
          <button type="submit">{t.addAppointment}</button>
        </form>
      </details>
    </section>
  );
}
