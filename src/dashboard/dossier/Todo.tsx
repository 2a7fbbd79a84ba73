/** What remains to do: each missing or stale document with its next step and the official page for it. */
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { describeValidity } from '../../dossier/describe';

export function Todo({ summary }: { summary: DossierSummary }) {
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
