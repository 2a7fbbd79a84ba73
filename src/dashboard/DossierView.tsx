/**
 * One dossier in full: its facts, the eligibility routes, the checklist, what remains to do, fees,
 * appointments (with .ics export), notes, the history with undo, and the PDF summary. The PDF and
 * calendar libraries are imported on click only, so opening the dashboard never loads them.
 */
import { useState } from 'preact/hooks';
import { localise } from '../i18n';
import { send } from '../messaging/client';
import type { DossierDetail } from '../model/views';
import type { HistoryEntry } from '../model/data';
import { countryName } from '../dossier/countries';
import { pruneAnswers, visibleQuestions } from '../dossier/flow';
import type { Answers } from '../dossier/requirements';
import { summarise, type DossierSummary } from '../dossier/summary';
import { Booking } from './Booking';
import { CommuneSites } from './CommuneSites';
import { Checklist } from './Checklist';
import { useDashboard } from './context';
import { describeRules, describeValidity, feeAmount, feeBasis, feeTotalBasis, formatAnswer } from './describe';
import { fileSafe, saveFile } from './files';
import { QuestionField, Verdicts } from './Setup';
import { formatMoment } from './strings';

export function DossierView({ detail, onDeleted }: { detail: DossierDetail; onDeleted: () => void }) {
  const { t, lang, catalog, today, act } = useDashboard();
  const { dossier } = detail;
  const [exporting, setExporting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
  if (!procedure) return <p role="alert">{t.unknownProcedure(dossier.procedure)}</p>;
  const summary = summarise({ catalog, dossier, progress: detail.progress, appointments: detail.appointments, lang, today });

  const exportPdf = async () => {
    setExporting(true);
    await act(async () => {
      const [{ buildPdf }, { pdfFont }] = await Promise.all([import('../export/pdf'), import('../export/font')]);
      const bytes = await buildPdf({ summary, procedure, font: pdfFont(), now: new Date() });
      saveFile(bytes as Uint8Array<ArrayBuffer>, `be-civic-${fileSafe(dossier.label)}-${today}.pdf`, 'application/pdf');
    });
    setExporting(false);
  };

  return (
    <article aria-labelledby="dossier-title" data-dossier={dossier.id}>
      <h1 id="dossier-title">{dossier.label}</h1>
      <p class="lead">{summary.procedureTitle}</p>
      <div class="actions">
        <button type="button" onClick={exportPdf} disabled={exporting} aria-describedby={exporting ? 'pdf-busy' : undefined}>
          {t.exportPdf}
        </button>
        {exporting && (
          <span id="pdf-busy" class="muted">
            {t.exporting}
          </span>
        )}
      </div>
      <Facts summary={summary} />

      {(procedure.eligibility.length > 0 || procedure.questions.length > 0) && (
        <section aria-labelledby="eligibility-title">
          <h2 id="eligibility-title">{t.eligibility}</h2>
          {procedure.eligibility.length > 0 && <Verdicts procedure={procedure} answers={dossier.answers} />}
          <AnswersEditor summary={summary} />
        </section>
      )}

      {summary.documentRules && summary.documentRules.authentication !== 'none' && (
        <section aria-labelledby="foreign-title" class="rules">
          <h2 id="foreign-title">
            {t.foreignDocs} — {countryName(summary.documentRules.country, lang)}
          </h2>
          <ul>
            {describeRules(summary.documentRules, lang).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p class="muted">{t.checkWithCommune}</p>
        </section>
      )}

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t.checklist}</h2>
        <p>{t.progressCount(summary.counts.settled, summary.counts.needed)}</p>
        <Checklist tree={summary.tree} dossier={dossier} />
      </section>

      <Todo summary={summary} />
      <Fees summary={summary} />
      <CommuneSites commune={detail.dossier.commune} />
      <Booking summary={summary} procedure={procedure} progress={detail.progress} />
      <Appointments summary={summary} />
      <DossierNotes key={dossier.updatedAt} notes={dossier.notes ?? ''} id={dossier.id} />
      <History entries={detail.history} dossierId={dossier.id} summary={summary} />

      <section aria-labelledby="delete-title" class="danger">
        <h2 id="delete-title">{t.deleteDossier}</h2>
        {!confirmDelete ? (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t.deleteDossier}
          </button>
        ) : (
          <div role="group" aria-labelledby="delete-confirm">
            <p id="delete-confirm">{t.deleteConfirm(dossier.label)}</p>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                const done = await act(() => send('dossier:delete', { id: dossier.id }).then(() => true));
                if (done) onDeleted();
              }}
            >
              {t.deleteDossier}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t.cancel}
            </button>
          </div>
        )}
      </section>
    </article>
  );
}

function Facts({ summary }: { summary: DossierSummary }) {
  const { t, lang, act, settings } = useDashboard();
  const { dossier } = summary;
  const [nrn, setNrn] = useState('');
  const [nrnProblem, setNrnProblem] = useState<string | undefined>();
  return (
    <dl class="facts">
      {summary.communeName && (
        <div>
          <dt>{t.commune}</dt>
          <dd>{summary.communeName}</dd>
        </div>
      )}
      <div>
        <dt>{t.dossierLang}</dt>
        <dd>{dossier.lang.toUpperCase()}</dd>
      </div>
      {dossier.countryOfIssue && (
        <div>
          <dt>{t.countryOfIssue}</dt>
          <dd>{countryName(dossier.countryOfIssue, lang)}</dd>
        </div>
      )}
      <div>
        <dt>
          <label for="planned">{t.plannedSubmission}</label>
        </dt>
        <dd>
          <input
            id="planned"
            type="date"
            value={dossier.plannedSubmission ?? ''}
            onChange={(e) => {
              const day = e.currentTarget.value;
              void act(() => send('dossier:update', day ? { id: dossier.id, patch: { plannedSubmission: day } } : { id: dossier.id, patch: {}, clear: ['plannedSubmission'] }), t.saved);
            }}
          />
        </dd>
      </div>
      {(settings.keepNationalRegisterNumber || dossier.nationalRegisterNumber) && (
        <div>
          <dt>
            <label for="nrn">{t.nationalNumber}</label>
          </dt>
          <dd>
            {summary.nationalRegisterNumber && (
              <>
                <span class="masked" data-testid="nrn">
                  {summary.nationalRegisterNumber}
                </span>{' '}
                <button type="button" onClick={() => act(() => send('dossier:update', { id: dossier.id, patch: {}, clear: ['nationalRegisterNumber'] }), t.saved)}>
                  {t.remove} <span class="sr-only">{t.nationalNumber}</span>
                </button>
              </>
            )}
            {settings.keepNationalRegisterNumber && (
              <form
                class="inline"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const digits = nrn.replace(/\D/g, '');
                  if (digits.length !== 11) return setNrnProblem(t.nationalNumberInvalid);
                  setNrnProblem(undefined);
                  const saved = await act(() => send('dossier:update', { id: dossier.id, patch: { nationalRegisterNumber: digits } }), t.saved);
                  if (saved) setNrn('');
                }}
              >
                <input id="nrn" type="password" inputMode="numeric" autocomplete="off" aria-describedby="nrn-help" value={nrn} onInput={(e) => setNrn(e.currentTarget.value)} />
                <button type="submit">{t.save}</button>
                <p id="nrn-help" class="help">
                  {t.nationalNumberHelp}
                </p>
                {nrnProblem && (
                  <p role="alert" class="error">
                    {nrnProblem}
                  </p>
                )}
              </form>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

function AnswersEditor({ summary }: { summary: DossierSummary }) {
  const { t, lang, catalog, act } = useDashboard();
  const { dossier } = summary;
  const procedure = catalog.procedures.find((p) => p.id === dossier.procedure)!;
  const [answers, setAnswers] = useState<Answers>(dossier.answers);
  const shown = visibleQuestions(procedure, answers);
  if (procedure.questions.length === 0) return null;
  return (
    <details>
      <summary>{t.answers}</summary>
      <ul class="answers">
        {procedure.questions
          .filter((q) => dossier.answers[q.id] !== undefined)
          .map((q) => (
            <li key={q.id}>
              {localise(q.label, lang).text} — <strong>{formatAnswer(q, dossier.answers[q.id]!, lang)}</strong>
            </li>
          ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => send('dossier:update', { id: dossier.id, patch: { answers: pruneAnswers(procedure, answers) } }), t.saved);
        }}
      >
        {shown.map((q) => (
          <QuestionField
            key={q.id}
            question={q}
            value={answers[q.id]}
            onChange={(v) => {
              const next = { ...answers };
              if (v === undefined) delete next[q.id];
              else next[q.id] = v;
              setAnswers(pruneAnswers(procedure, next));
            }}
          />
        ))}
        <button type="submit">{t.save}</button>
      </form>
    </details>
  );
}

function Todo({ summary }: { summary: DossierSummary }) {
  const { t, lang } = useDashboard();
  return (
    <section aria-labelledby="todo-title">
      <h2 id="todo-title">{t.todo}</h2>
      {summary.todo.length === 0 ? (
        <p>{t.nothingLeft}</p>
      ) : (
        <ol class="todo">
          {summary.todo.map((x) => (
            <li key={x.node} class={x.validity ? x.validity.state : undefined}>
              <strong>{x.title}</strong>
              {x.kind === 'choice' ? ` — ${t.todoChoose}` : ` — ${t.status[x.status ?? 'not-started']}`}
              {x.validity && <p class="stale">{describeValidity(x, lang)}</p>}
              {x.next && (
                <p>
                  {t.nextStep} ({x.next.sourceLabel}): {x.next.text}{' '}
                  {x.next.url && (
                    <a href={x.next.url} target="_blank" rel="noopener noreferrer">
                      {t.openPage(x.next.pageTitle ?? x.next.sourceLabel)}
                    </a>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Fees({ summary }: { summary: DossierSummary }) {
  const { t, lang } = useDashboard();
  const { fees } = summary;
  if (fees.lines.length === 0) return null;
  return (
    <section aria-labelledby="fees-title">
      <h2 id="fees-title">{t.fees}</h2>
      <table class="fees">
        <tbody>
          {fees.lines.map((line) => (
            <tr key={line.id} data-fee={line.id} data-basis={line.basis}>
              <th scope="row">{localise(line.label, lang).text}</th>
              <td>{feeAmount(line, lang)}</td>
              <td class="muted">{feeBasis(line, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.feeTotal}</th>
            <td data-testid="fee-total">{feeAmount(fees, lang)}</td>
            <td class="muted">{feeTotalBasis(fees, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Appointments({ summary }: { summary: DossierSummary }) {
  const { t, lang, catalog, act } = useDashboard();
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
              const { appointmentsToIcs } = await import('../export/ics');
              const ics = appointmentsToIcs(summary.appointments, { dossierLabel: dossier.label, referenceLabel: t.reference });
              saveFile(ics, `be-civic-${fileSafe(dossier.label)}.ics`, 'text/calendar');
            })
          }
        >
          {t.exportIcs}
        </button>
      )}
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

function DossierNotes({ id, notes: initial }: { id: string; notes: string }) {
  const { t, act } = useDashboard();
  const [notes, setNotes] = useState(initial);
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t.notes}</h2>
      <label for="dossier-notes" class="sr-only">
        {t.dossierNotes}
      </label>
      <textarea id="dossier-notes" rows={4} maxLength={20_000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      <button type="button" onClick={() => act(() => send('dossier:update', { id, patch: { notes } }), t.saved)}>
        {t.save}
      </button>
    </section>
  );
}

function describeEntry(entry: HistoryEntry, summary: DossierSummary, t: ReturnType<typeof useDashboard>['t'], titleOf: (artefact: string) => string): string {
  const before = entry.before as Record<string, unknown> | null;
  const after = entry.after as Record<string, unknown> | null;
  const what = t.historyStore[entry.store] ?? entry.store;
  const verb = !before ? t.historyCreated : !after ? t.historyDeleted : t.historyChanged;
  const record = after ?? before ?? {};
  let subject = '';
  if (entry.store === 'progress' && typeof record.artefact === 'string') subject = titleOf(record.artefact);
  if (entry.store === 'dossiers') subject = summary.dossier.label;
  if (entry.store === 'appointments' && typeof record.service === 'string') subject = record.service;
  let change = '';
  const statusOf = (r: Record<string, unknown> | null) => (r && typeof r.status === 'string' ? (t.status as Record<string, string>)[r.status] : undefined);
  if (entry.store === 'progress' && statusOf(before) !== statusOf(after) && statusOf(after)) change = `: ${statusOf(before) ?? '—'} → ${statusOf(after)}`;
  return `${what} ${subject ? `“${subject}” ` : ''}${verb}${change}`;
}

function History({ entries, dossierId, summary }: { entries: HistoryEntry[]; dossierId: string; summary: DossierSummary }) {
  const { t, lang, catalog, act } = useDashboard();
  const titleOf = (artefact: string) => {
    const a = catalog.artefacts.find((x) => x.id === artefact);
    return a ? localise(a.title, lang).text : artefact;
  };
  const sorted = [...entries].sort((a, b) => b.at - a.at);
  const canUndo = entries.some((e) => !e.undone);
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.history}</h2>
      <button
        type="button"
        disabled={!canUndo}
        onClick={() =>
          act(async () => {
            const { undone } = await send('history:undo', { dossierId });
            if (!undone) throw new Error(t.nothingToUndo);
            return undone;
          }, t.saved)
        }
      >
        {t.undo}
      </button>
      {sorted.length === 0 ? (
        <p class="muted">{t.noHistory}</p>
      ) : (
        <ol class="history" reversed>
          {sorted.slice(0, 100).map((e, i) => (
            <li key={e.id ?? i} class={e.undone ? 'undone' : undefined}>
              <time dateTime={new Date(e.at).toISOString()}>{time.format(e.at)}</time> — {describeEntry(e, summary, t, titleOf)}
              {e.undone && ` (${t.undone})`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
