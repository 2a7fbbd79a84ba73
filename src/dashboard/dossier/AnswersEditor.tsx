/** The set-up answers of a dossier, shown and editable after creation (answers that no longer apply are pruned). */
import { useState } from 'preact/hooks';
import { localise } from '../../i18n';
import { send } from '../../messaging/client';
import { pruneAnswers, visibleQuestions } from '../../dossier/flow';
import type { Answers } from '../../dossier/requirements';
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { formatAnswer } from '../../dossier/describe';
import { QuestionField } from '../Setup';

export function AnswersEditor({ summary }: { summary: DossierSummary }) {
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
            procedure={procedure}
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
