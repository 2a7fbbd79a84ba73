/**
 * The checklist a stressed person can read: one entry per requirement, the way to prove it already
 * chosen from the answers (and said why), the other ways folded behind "other ways to prove this", each
 * document once — a document that proves two requirements says so where it appears again — with what
 * it accepts, the pre-step and "only the commune can stamp it", advice for foreign records on the
 * records only, and for each document its status, sources, dates, validity, next step, notes and files.
 */
import type { Dossier } from '../../model/data';
import { send } from '../../messaging/client';
import type { ChecklistChoice, ChecklistDoc, ChecklistItem } from '../../dossier/checklist';
import type { DossierSummary, ItemView, NodeView } from '../../dossier/summary';
import { alternativeName, describeRules } from '../../dossier/describe';
import { GUIDANCE_STRINGS } from '../../i18n/guidance';
import { formatList } from '../../i18n/format';
import { useDashboard } from '../context';
import { DocumentCard } from './DocumentCard';

function itemsByArtefact(tree: NodeView): Map<string, ItemView> {
  const out = new Map<string, ItemView>();
  const walk = (n: NodeView) => {
    if (n.item && !out.has(n.item.artefact)) out.set(n.item.artefact, n.item);
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

export function Checklist({ summary }: { summary: DossierSummary }) {
  const items = itemsByArtefact(summary.tree);
  const shown = new Set<string>();
  return (
    <ol class="checklist">
      {summary.checklist.items.map((entry) => (
        <Entry key={entry.node} entry={entry} items={items} shown={shown} dossier={summary.dossier} />
      ))}
    </ol>
  );
}

function Entry({ entry, items, shown, dossier }: { entry: ChecklistItem; items: Map<string, ItemView>; shown: Set<string>; dossier: Dossier }) {
  const titleId = `req-${entry.node}`;
  return (
    <li class="requirement" data-node={entry.node} aria-labelledby={titleId}>
      <h3 id={titleId}>{entry.label}</h3>
      {entry.note && <p class="help">{entry.note}</p>}
      <ul class="docs">
        {entry.docs.map((doc) => {
          const first = !shown.has(doc.artefact);
          shown.add(doc.artefact);
          return <Doc key={doc.artefact} doc={doc} item={items.get(doc.artefact)} dossier={dossier} full={first} />;
        })}
      </ul>
      {entry.choices.map((choice) => (
        <Choice key={choice.node} choice={choice} dossier={dossier} />
      ))}
    </li>
  );
}

function Doc({ doc, item, dossier, full }: { doc: ChecklistDoc; item: ItemView | undefined; dossier: Dossier; full: boolean }) {
  const { t, lang } = useDashboard();
  const g = GUIDANCE_STRINGS[lang];
  const proves = doc.proves.length > 1 && <p class="proves">{g.provesAll(formatList(doc.proves, lang))}</p>;
  if (!full || !item) {
    // Already listed under an earlier requirement: one line, so the same diploma is never two cards.
    return (
      <li class="doc again" data-artefact={doc.artefact}>
        <a href={`#doc-${doc.artefact}`}>{doc.title}</a> — {t.status[item?.status ?? 'not-started']}
        {proves}
      </li>
    );
  }
  const rules = doc.documentRules && doc.documentRules.authentication !== 'none' ? describeRules(doc.documentRules, lang) : [];
  return (
    <DocumentCard item={item} dossier={dossier}>
      {doc.uncertain && <p class="help">{t.uncertain}</p>}
      {proves}
      {doc.accepts.length > 0 && <p>{g.accepted(formatList(doc.accepts, lang))}</p>}
      {doc.preStep && (
        <p class="pre-step">
          <strong>{g.preStep(doc.preStep.label)}</strong>: {doc.preStep.text}
        </p>
      )}
      {doc.onlyCommune && (
        <p class="only-commune">
          <strong>{g.onlyCommune}</strong>
        </p>
      )}
      {rules.length > 0 && (
        <ul class="rules" aria-label={g.translation}>
          {rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </DocumentCard>
  );
}

function Choice({ choice, dossier }: { choice: ChecklistChoice; dossier: Dossier }) {
  const { t, lang, act } = useDashboard();
  const g = GUIDANCE_STRINGS[lang];
  if (choice.others.length === 0) return null;
  const pick = (id: string) => act(() => send('dossier:update', { id: dossier.id, patch: { choices: { ...dossier.choices, [choice.node]: id } } }), t.saved);
  if (!choice.suggested) {
    // The answers do not decide: the user picks, every way in view.
    return (
      <fieldset class="choose-way" data-choice={choice.node}>
        <legend>
          {choice.label} — {g.chooseWay}
        </legend>
        {choice.others.map((o) => (
          <label key={o.id} class="choice">
            <input type="radio" name={`way-${choice.node}`} value={o.id} onChange={() => pick(o.id)} />
            {alternativeName(o, choice.label)}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div class="ways" data-choice={choice.node}>
      <p class="help" data-because={choice.suggested.because}>
        {g.suggested[choice.suggested.because]}
      </p>
      <details class="other-ways">
        <summary>{g.otherWays(choice.others.length)}</summary>
        <ul>
          {choice.others.map((o) => (
            <li key={o.id} data-alternative={o.id}>
              <span>{alternativeName(o, choice.label)}</span>
              {o.uncertain && <span class="help"> — {t.uncertain}</span>}{' '}
              <button type="button" onClick={() => pick(o.id)}>
                {g.useThisWay}
                <span class="sr-only">: {alternativeName(o, choice.label)}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
