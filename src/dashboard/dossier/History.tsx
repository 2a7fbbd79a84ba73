/**
 * The dossier's history of changes, in words — which field changed, from what to what, in the UI
 * language's date and time format — with undo of the last one. The national number and free texts are
 * said to have changed, never quoted.
 */
import { localise } from '../../i18n';
import { send } from '../../messaging/client';
import type { HistoryEntry } from '../../model/data';
import type { DossierSummary } from '../../dossier/summary';
import { Refusal, useDashboard } from '../context';
import { formatDay, formatMoment, formatTimestamp, languageName } from '../../i18n/format';
import { GUIDANCE_STRINGS } from '../../i18n/guidance';
import { countryName } from '../../dossier/countries';
import { isLang } from '../../model/lang';

/** Fields whose old and new values are said; the others (answers, notes, files, the national number) only as "changed". */
const SAID = new Set(['status', 'source', 'issuedOn', 'expiresOn', 'label', 'commune', 'lang', 'plannedSubmission', 'countryOfIssue', 'start', 'place', 'reference', 'service']);
const IGNORED = new Set(['updatedAt', 'createdAt', 'id', 'dossierId', 'artefact', 'procedure', 'captured']);

function describeEntry(entry: HistoryEntry, summary: DossierSummary, ctx: ReturnType<typeof useDashboard>): string {
  const { t, lang, catalog } = ctx;
  const g = GUIDANCE_STRINGS[lang];
  const before = entry.before as Record<string, unknown> | null;
  const after = entry.after as Record<string, unknown> | null;
  const what = t.historyStore[entry.store] ?? entry.store;
  const verb = !before ? t.historyCreated : !after ? t.historyDeleted : t.historyChanged;
  const record = after ?? before ?? {};
  const artefact = entry.store === 'progress' && typeof record.artefact === 'string' ? catalog.artefacts.find((a) => a.id === record.artefact) : undefined;
  let subject = '';
  if (entry.store === 'progress' && typeof record.artefact === 'string') subject = artefact ? localise(artefact.title, lang).text : record.artefact;
  if (entry.store === 'dossiers') subject = summary.dossier.label;
  if (entry.store === 'appointments' && typeof record.service === 'string') subject = record.service;
  const head = `${what} ${subject ? `“${subject}” ` : ''}${verb}`;
  if (!before || !after) return head;
  const show = (field: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return g.none;
    if (field === 'status') return (t.status as Record<string, string>)[String(v)] ?? String(v);
    if (field === 'source') {
      const source = artefact?.sources.find((x) => x.id === v);
      return source ? localise(source.label, lang).text : String(v);
    }
    if (field === 'issuedOn' || field === 'expiresOn' || field === 'plannedSubmission') return formatDay(String(v), lang);
    if (field === 'start') return formatMoment(String(v), lang);
    if (field === 'commune') {
      const commune = catalog.communes.find((c) => c.id === v);
      return commune ? localise(commune.names, lang).text : String(v);
    }
    if (field === 'lang' && isLang(v)) return languageName(v, lang);
    if (field === 'countryOfIssue') return countryName(String(v), lang);
    return String(v);
  };
  const changes = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => {
      const field = g.history[k] ?? k;
      return SAID.has(k) ? g.changedFromTo(field, show(k, before[k]), show(k, after[k])) : g.changedField(field);
    });
  return changes.length > 0 ? `${head}: ${changes.join('; ')}` : head;
}

export function History({ entries, dossierId, summary }: { entries: HistoryEntry[]; dossierId: string; summary: DossierSummary }) {
  const ctx = useDashboard();
  const { t, lang, act } = ctx;
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
              <time dateTime={new Date(e.at).toISOString()}>{formatTimestamp(e.at, lang)}</time> — {describeEntry(e, summary, ctx)}
              {e.undone && ` (${t.undone})`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
