/**
 * The panel, drawn inside its extension-origin frame: what this portal page is for in the user's
 * dossiers and what to do here. It only renders what the frame's controller hands it (catalog texts
 * from the background, the user's slice as a view) and reports clicks back; it never talks to the
 * extension or reads the page itself.
 */
import { maskNationalRegisterNumber } from '../model/nrn';
import type { PageDescription, PageState, PanelStrings as Strings, ProgressView, Shown } from '../model/views';
import type { CaptureField, GuideActions, GuideComponent, PanelActions, PanelModel } from './types';
import type { Lang } from '../i18n';
import type { Status } from '../model/data';
import { BOOT, fill } from './boot';
import { describeError } from '../i18n/errors';
import { formatDay, formatList, languageName } from '../i18n/format';

export const STATUSES: readonly Status[] = ['not-started', 'in-progress', 'requested', 'obtained', 'submitted', 'not-needed'];

export function Text({ value }: { value: Shown }) {
  return value.fallback ? <span lang={value.lang}>{value.text}</span> : <>{value.text}</>;
}

/** National register numbers are never shown in full on a page (shoulder-surfing, screenshots). */
export function masked(kind: string, value: string): string {
  return kind === 'national-register-number' ? maskNationalRegisterNumber(value) : value;
}

function fallbackLangs(description: PageDescription): Lang[] {
  const shown: Shown[] = [description.pageTitle, description.portalName];
  if (description.explains) shown.push(description.explains);
  for (const a of description.artefacts) {
    shown.push(a.title);
    for (const s of a.sources) shown.push(s.label, s.userDoes, s.agentDoes, s.toResume);
  }
  for (const c of description.capture) shown.push(c.label);
  return [...new Set(shown.filter((s) => s.fallback).map((s) => s.lang))];
}

function Validity({ progress, t, lang, today }: { progress: ProgressView; t: Strings; lang: Lang; today: string }) {
  if (!progress.issuedOn && !progress.expiresOn) return null;
  return (
    <p class="validity">
      {progress.issuedOn && <span>{fill(t.issued, { date: formatDay(progress.issuedOn, lang) })}. </span>}
      {progress.expiresOn &&
        (progress.expiresOn < today ? (
          <strong class="expired">{fill(t.expired, { date: formatDay(progress.expiresOn, lang) })}</strong>
        ) : (
          <span>{fill(t.validUntil, { date: formatDay(progress.expiresOn, lang) })}</span>
        ))}
    </p>
  );
}

function Need(props: {
  need: PageState['dossiers'][number]['needs'][number];
  dossier: PageState['dossiers'][number];
  artefactTitle: string;
  fields: CaptureField[];
  model: PanelModel;
  actions: PanelActions;
  t: Strings;
}) {
  const { need, dossier, artefactTitle, fields, model, actions, t } = props;
  const current = need.progress?.status ?? 'not-started';
  return (
    <div class="need">
      <p>{fill(t.forNeed, { requirement: need.requirement.text, dossier: dossier.label, procedure: dossier.procedureTitle.text })}</p>
      <div role="group" class="statuses" aria-label={fill(t.statusOf, { artefact: artefactTitle, dossier: dossier.label })}>
        {STATUSES.map((status) => (
          <button
            type="button"
            key={status}
            aria-pressed={current === status}
            aria-disabled={model.covered}
            onClick={() => actions.setStatus(dossier.id, need.artefact, status)}
          >
            {t.status[status]}
          </button>
        ))}
      </div>
      {need.progress && <Validity progress={need.progress} t={t} lang={model.lang} today={model.today} />}
      {fields.length > 0 && (
        <dl class="captured">
          {fields.map((field) => {
            const value = need.progress?.captured[field.id]?.value;
            return (
              <div key={field.id}>
                <dt>
                  <Text value={field.label} />
                </dt>
                <dd>
                  {value ?? <em>{t.notCaptured}</em>}{' '}
                  <button type="button" class="capture" aria-disabled={model.covered} onClick={() => actions.capture(dossier.id, need.artefact, field)}>
                    {fill(t.captureButton, { field: field.label.text })}
                  </button>
                  {model.capture && model.capture.dossierId === dossier.id && model.capture.artefact === need.artefact && model.capture.field.id === field.id && (
                    <CaptureConfirm model={model} actions={actions} t={t} />
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}

/** The page's selection as it will be saved: shown, editable, saved only on the user's "Save". */
function CaptureConfirm({ model, actions, t }: { model: PanelModel; actions: PanelActions; t: Strings }) {
  const draft = model.capture!;
  return (
    <form
      class="confirm-capture"
      onSubmit={(event) => {
        event.preventDefault();
        actions.saveCapture();
      }}
    >
      <p>{t.captureCheck}</p>
      <label>
        {fill(t.captureValue, { field: draft.field.label.text })}
        <textarea name="value" rows={3} maxLength={2000} value={draft.value} onInput={(event) => actions.editCapture(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t.save}
      </button>{' '}
      <button type="button" onClick={actions.cancelCapture}>
        {t.cancel}
      </button>
    </form>
  );
}

/** Where covering cannot be detected: the change asked for, confirmed by a second press here, away from where the first one was. */
function Pending({ model, actions, t }: { model: PanelModel; actions: PanelActions; t: Strings }) {
  const pending = model.pending!;
  return (
    <div class="pending" role="group" aria-label={fill(t.confirmChange, { change: pending.label })}>
      <p>{fill(t.confirmChange, { change: pending.label })}</p>
      <button type="button" class="primary" aria-disabled={!pending.armed} onClick={actions.confirmPending}>
        {t.confirm}
      </button>{' '}
      <button type="button" onClick={actions.cancelPending}>
        {t.cancel}
      </button>
    </div>
  );
}

/**
 * `Guide` is the booking-site guide (src/panel/guide.tsx): only the content script of booking hosts
 * carries it, so portal pages do not download it.
 */
export function Panel({ model, actions, Guide, guideActions }: { model: PanelModel; actions: PanelActions; Guide?: GuideComponent; guideActions?: GuideActions }) {
  const { description, state } = model;
  const boot = BOOT[model.lang];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') actions.leave();
  };
  if (model.collapsed) {
    return (
      <aside role="complementary" aria-label="Be Civic" class="panel collapsed" lang={model.lang} data-page={description?.page}>
        <button type="button" class="tab" aria-expanded="false" onClick={actions.toggle}>
          {boot.expand}
        </button>
      </aside>
    );
  }
  const t = model.strings;
  const fallbacks = description ? fallbackLangs(description) : [];
  const dossiers = state?.dossiers ?? [];
  const ordered = state?.activeDossier ? [...dossiers].sort((a, b) => Number(b.id === state.activeDossier) - Number(a.id === state.activeDossier)) : dossiers;
  type Artefact = PageDescription['artefacts'][number];
  // With a dossier, what it needs comes first in full; the rest of what the page serves folds away.
  const isNeeded = (artefact: Artefact) => ordered.some((d) => d.needs.some((n) => n.artefact === artefact.id));
  const needed = description ? description.artefacts.filter(isNeeded) : [];
  const others = description ? description.artefacts.filter((a) => !isNeeded(a)) : [];
  // What to do here leads the panel: the first way of the first document this page serves (needed first).
  const leadArtefact = needed[0] ?? others[0];
  const lead = leadArtefact?.sources[0] && { key: `${leadArtefact.id}/${leadArtefact.sources[0].id}`, text: leadArtefact.sources[0].userDoes };
  const artefactSection = (artefact: Artefact) =>
    description &&
    t && (
      <section key={artefact.id} class="artefact" aria-label={artefact.title.text} data-artefact={artefact.id}>
        <h4>
          <Text value={artefact.title} />
        </h4>
        {ordered.flatMap((dossier) =>
          dossier.needs
            .filter((need) => need.artefact === artefact.id)
            .map((need) => (
              <Need
                key={`${dossier.id}/${need.artefact}`}
                need={need}
                dossier={dossier}
                artefactTitle={artefact.title.text}
                fields={description.capture.filter((field) => field.kind !== 'document')}
                model={model}
                actions={actions}
                t={t}
              />
            )),
        )}
        {artefact.sources.map((source) => (
          <div key={source.id} class="source">
            <p class="label">
              <Text value={source.label} />
            </p>
            {!source.confirmedByUser && (
              <p class="unverified">
                <span aria-hidden="true">⚠ </span>
                {t.unverified}
              </p>
            )}
            <dl>
              {lead?.key !== `${artefact.id}/${source.id}` && (
                <>
                  <dt>{t.youDo}</dt>
                  <dd>
                    <Text value={source.userDoes} />
                  </dd>
                </>
              )}
              <dt>{t.agentDoes}</dt>
              <dd>
                <Text value={source.agentDoes} />
              </dd>
              <dt>{t.toResume}</dt>
              <dd>
                <Text value={source.toResume} />
              </dd>
            </dl>
          </div>
        ))}
      </section>
    );
  return (
    <aside role="complementary" aria-label="Be Civic" class="panel" lang={model.lang} data-page={description?.page} data-form={description?.form?.artefact} onKeyDown={onKeyDown}>
      <header>
        <h2 tabindex={-1}>Be Civic</h2>
        <button type="button" class="hide" aria-expanded="true" onClick={actions.toggle}>
          {boot.collapse}
        </button>
      </header>
      {model.pending && t && <Pending model={model} actions={actions} t={t} />}
      {!description || !t ? (
        <p aria-busy="true">{boot.loading}</p>
      ) : (
        <>
          <p class="where">
            {/* "my.belgium.be — my.belgium.be home page" says the site twice: a title naming its site stands alone. */}
            {!description.pageTitle.text.toLowerCase().includes(description.portalName.text.toLowerCase()) && (
              <>
                <Text value={description.portalName} /> —{' '}
              </>
            )}
            <Text value={description.pageTitle} />
          </p>
          {lead && (
            <p class="do-here" data-testid="do-here">
              <strong>{t.youDo}</strong>: <Text value={lead.text} />
            </p>
          )}
          {model.covered && <p class="warning">{t.covered}</p>}
          {state?.storageProblem && (
            <p class="warning" data-testid="storage-problem">
              <strong>{t.readOnly}</strong> {describeError(state.storageProblem, t.errors)}
            </p>
          )}
          {fallbacks.length > 0 && <p class="note">{fill(t.fallback, { langs: formatList(fallbacks.map((l) => languageName(l, model.lang)), model.lang) })}</p>}
          {description.role === 'login' ? (
            <section class="login" aria-label={t.loginHeading}>
              <h3>{t.loginHeading}</h3>
              {description.explains && (
                <p>
                  <Text value={description.explains} />
                </p>
              )}
              <p>{t.loginPrivacy}</p>
            </section>
          ) : (
            description.explains && (
              <p>
                <Text value={description.explains} />
              </p>
            )
          )}
          {Guide && guideActions && <Guide model={model} t={t} actions={guideActions} />}
          {description.form && <p class="form">{fill(t.formFor, { document: description.form.title.text })}</p>}
          {state?.siteCommune && <p class="site">{fill(t.siteFor, { commune: state.siteCommune.text })}</p>}
          {state === null && <p class="note">{t.stateUnavailable}</p>}
          {state && !state.hasDossiers && (
            <div class="setup">
              <p>{t.noDossier}</p>
              <button type="button" class="primary" aria-disabled={model.covered} onClick={actions.openSetup}>
                {t.setUp}
              </button>
            </div>
          )}
          {state && state.hasDossiers && dossiers.length === 0 && <p class="none-needs">{t.noneNeeds}</p>}
          {state?.instead?.map((i) => (
            <p key={i.dossierId} class="instead" data-dossier={i.dossierId}>
              {fill(t.instead, { portal: description.portalName.text, dossier: i.dossierLabel, documents: i.documents.map((d) => d.text).join(', ') })}
            </p>
          ))}
          {dossiers.map(
            (d) =>
              d.otherCommune && (
                <div key={d.id} class="other-commune" data-dossier={d.id}>
                  <p>{fill(t.otherCommune, { dossier: d.label, home: d.otherCommune.home.text, documents: d.otherCommune.documents.map((x) => x.text).join(', ') })}</p>
                  {d.otherCommune.places.length > 0 ? (
                    <ul>
                      {d.otherCommune.places.map((place) => (
                        <li key={place.url ?? place.label.text}>{place.url ? `${place.label.text} — ${place.url}` : place.label.text}</li>
                      ))}
                    </ul>
                  ) : (
                    <p>{fill(t.askCommune, { home: d.otherCommune.home.text })}</p>
                  )}
                </div>
              ),
          )}
          {description.artefacts.length > 0 && <h3 class="serves">{t.servesHeading}</h3>}
          {needed.map(artefactSection)}
          {others.length > 0 &&
            (needed.length > 0 ? (
              <details class="others">
                <summary>{fill(t.alsoHere, { count: String(others.length) })}</summary>
                {others.map(artefactSection)}
              </details>
            ) : (
              others.map(artefactSection)
            ))}
          {description.capture.length > 0 && dossiers.length === 0 && (
            <div class="to-note">
              <h3>{t.captureHeading}</h3>
              <ul>
                {description.capture.map((field) => (
                  <li key={field.id}>
                    <Text value={field.label} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {dossiers.length > 0 && description.capture.length > 0 && <p class="hint">{t.captureHint}</p>}
        </>
      )}
      <p class="live" role="status">
        {model.message}
      </p>
    </aside>
  );
}
