/**
 * One dossier in full: its facts, the eligibility routes, the checklist, what remains to do, fees,
 * appointments (with .ics export), notes, the history with undo, and the PDF summary. The PDF and
 * calendar libraries are imported on click only, so opening the dashboard never loads them.
 */
import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { DossierDetail } from '../../model/views';
import { summarise } from '../../dossier/summary';
import { Booking } from './Booking';
import { CommuneSites } from './CommuneSites';
import { Checklist } from './Checklist';
import { Delays } from './Guidance';
import { useDashboard } from '../context';
import { exportFileName, saveFile } from '../files';
import { Verdicts } from '../Setup';
import { Facts } from './Facts';
import { AnswersEditor } from './AnswersEditor';
import { Todo } from './Todo';
import { Fees } from './Fees';
import { Appointments } from './Appointments';
import { DossierNotes } from './Notes';
import { History } from './History';

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
      const [{ buildPdf }, { pdfFont }] = await Promise.all([import('../../export/pdf'), import('../../export/font')]);
      const bytes = await buildPdf({ summary, procedure, font: pdfFont(), now: new Date() });
      saveFile(bytes as Uint8Array<ArrayBuffer>, exportFileName('dossier', today, 'pdf'), 'application/pdf');
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

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t.checklist}</h2>
        <p>{t.progressCount(summary.counts.settled, summary.counts.needed)}</p>
        <Checklist summary={summary} />
      </section>

      <Todo summary={summary} />
      <Delays summary={summary} />
      <Fees summary={summary} />
      <CommuneSites commune={detail.dossier.commune} />
      <Booking summary={summary} />
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
