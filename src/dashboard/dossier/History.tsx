/** The dossier's history of changes, in words, with undo of the last one. */
import { localise } from '../../i18n';
import { send } from '../../messaging/client';
import type { HistoryEntry } from '../../model/data';
import type { DossierSummary } from '../../dossier/summary';
import { Refusal, useDashboard } from '../context';
import { formatTimestamp } from '../../i18n/format';

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

export function History({ entries, dossierId, summary }: { entries: HistoryEntry[]; dossierId: string; summary: DossierSummary }) {
  const { t, lang, catalog, act } = useDashboard();
  const titleOf = (artefact: string) => {
    const a = catalog.artefacts.find((x) => x.id === artefact);
    return a ? localise(a.title, lang).text : artefact;
  };
  const sorted = [...entries].sort((a, b) => b.at - a.at);
  const canUndo = entries.some((e) => !e.undone);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.history}</h2>
      <button
        type="button"
        disabled={!canUndo}
        onClick={() =>
          act(async () => {
            const { undone } = await send('history:undo', { dossierId });
            if (!undone) throw new Refusal(t.nothingToUndo);
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
              <time dateTime={new Date(e.at).toISOString()}>{formatTimestamp(e.at, lang)}</time> — {describeEntry(e, summary, t, titleOf)}
              {e.undone && ` (${t.undone})`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
