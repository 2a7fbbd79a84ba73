/**
 * Setting up a dossier through the catalog's plain questions: the procedure, whose dossier it is, the
 * commune, the language, the country that issued foreign documents, then the procedure's own
 * questions as they become relevant, with the eligibility routes (e.g. 12bis §1 1° to 5°) updating
 * live: which fit, and why the others do not.
 */
import { useMemo, useState } from 'preact/hooks';
import type { LocalText, Procedure } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import { send } from '../messaging/client';
import { COUNTRY_CODES, countryName, documentRules } from '../dossier/countries';
import { assessEligibility, pruneAnswers, questionAccepts, visibleQuestions } from '../dossier/flow';
import type { Answer, Answers } from '../dossier/requirements';
import type { Dossier } from '../model/data';
import { useDashboard } from './context';
import { describeRule, describeRules, routeState, ruleState, rulesToShow } from '../dossier/describe';
import { LanguageSelect } from './LanguageSelect';
import { CommunePicker } from './CommunePicker';
import { DateInput } from './DateInput';
import { GUIDANCE_STRINGS } from '../i18n/guidance';
import { formatList } from '../i18n/format';

type Question = Procedure['questions'][number];

export function CountrySelect({ id, value, onChange, noneLabel }: { id: string; value: string; onChange: (v: string) => void; noneLabel: string }) {
  const { lang } = useDashboard();
  const options = useMemo(
    () => COUNTRY_CODES.filter((c) => c !== 'BE').map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    [lang],
  );
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{noneLabel}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

export function QuestionField({ procedure, question, value, onChange }: { procedure: Procedure; question: Question; value: Answer | undefined; onChange: (v: Answer | undefined) => void }) {
  const { lang, t } = useDashboard();
  const label = localise(question.label, lang);
  const help = question.help ? localise(question.help, lang) : undefined;
  // The list the requirement accepts, from the requirement itself, so the question never lists less.
  const accepts = questionAccepts(procedure, question).map((x) => localise(x, lang).text);
  const id = `q-${question.id}`;
  const describedBy = help || accepts.length > 0 ? `${id}-help` : undefined;
  const helpText = (help || accepts.length > 0) && (
    <div id={`${id}-help`} class="help">
      {help && <p lang={help.fallback ? help.lang : undefined}>{help.text}</p>}
      {accepts.length > 0 && <p data-accepts={question.id}>{GUIDANCE_STRINGS[lang].accepted(formatList(accepts, lang))}</p>}
    </div>
  );
  if (question.kind === 'boolean' || question.kind === 'choice') {
    const options: Array<{ value: Answer; label: string }> =
      question.kind === 'boolean'
        ? [
            { value: true, label: t.yes },
            { value: false, label: t.no },
          ]
        : (question.choices ?? []).map((c) => ({ value: c.id, label: localise(c.label, lang).text }));
    return (
      <fieldset class="question" data-question={question.id} aria-describedby={describedBy}>
        <legend lang={label.fallback ? label.lang : undefined}>{label.text}</legend>
        {helpText}
        {options.map((o) => (
          <label key={String(o.value)} class="choice">
            <input type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const labelEl = (
    <label for={id} lang={label.fallback ? label.lang : undefined}>
      {label.text}
    </label>
  );
  if (question.kind === 'country') {
    return (
      <div class="question field" data-question={question.id}>
        {labelEl}
        {helpText}
        <CountrySelect id={id} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || undefined)} noneLabel={t.notAnswered} />
      </div>
    );
  }
  if (question.kind === 'date') {
    return (
      <div class="question field" data-question={question.id}>
        {labelEl}
        {helpText}
        <DateInput id={id} live value={typeof value === 'string' ? value : ''} onDate={onChange} {...(describedBy ? { describedBy } : {})} />
      </div>
    );
  }
  return (
    <div class="question field" data-question={question.id}>
      {labelEl}
      {helpText}
      <input
        id={id}
        type="number"
        min={0}
        step={1}
        aria-describedby={describedBy}
        value={value === undefined ? '' : String(value)}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          if (raw === '') return onChange(undefined);
          const n = Number(raw);
          onChange(Number.isFinite(n) ? n : undefined);
        }}
      />
    </div>
  );
}

export function Setup({ preselect, onCreated }: { preselect?: string; onCreated: (d: Dossier) => void }) {
  const { t, lang, catalog, act } = useDashboard();
  const procedures = useMemo(
    () => [...catalog.procedures].sort((a, b) => localise(a.title, lang).text.localeCompare(localise(b.title, lang).text, lang)),
    [catalog, lang],
  );
  const [procedureId, setProcedureId] = useState(preselect && catalog.procedures.some((p) => p.id === preselect) ? preselect : '');
  const intents = catalog.intents ?? [];
  const [intentId, setIntentId] = useState('');
  // A preselected procedure (from the welcome page or the panel) skips the question; so does "every procedure".
  const [everyProcedure, setEveryProcedure] = useState(Boolean(procedureId) || intents.length === 0);
  const intent = intents.find((i) => i.id === intentId);
  const listed = everyProcedure || !intent ? procedures : procedures.filter((p) => intent.procedures.includes(p.id));
  const g = GUIDANCE_STRINGS[lang];
  const pickProcedure = (id: string) => {
    setProcedureId(id);
    setAnswers({});
  };
  const [label, setLabel] = useState('');
  const [commune, setCommune] = useState('');
  const [dossierLang, setDossierLang] = useState<Lang>(lang);
  const [country, setCountry] = useState('');
  const [planned, setPlanned] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const procedure = catalog.procedures.find((p) => p.id === procedureId);
  const countryQuestion = procedure?.questions.find((q) => q.kind === 'country');
  const shown = procedure ? visibleQuestions(procedure, answers) : [];
  const effectiveCountry = countryQuestion ? (typeof answers[countryQuestion.id] === 'string' ? (answers[countryQuestion.id] as string) : '') : country;
  const rules = effectiveCountry ? documentRules(effectiveCountry) : undefined;

  const setAnswer = (id: string, value: Answer | undefined) => {
    if (!procedure) return;
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    // Picking the country fills in, when the user has not, a question asking which authentication
    // rule applies (apostille / exempt / legalisation): countries.ts knows it for that country.
    if (id === countryQuestion?.id && typeof value === 'string') {
      const rule = documentRules(value).authentication;
      const ruleQuestion = procedure.questions.find((q) => q.kind === 'choice' && q.choices?.some((c) => c.id === rule));
      if (ruleQuestion && next[ruleQuestion.id] === undefined) next[ruleQuestion.id] = rule;
    }
    setAnswers(pruneAnswers(procedure, next));
  };

  const create = async (event: Event) => {
    event.preventDefault();
    if (!procedure) return setProblem(t.needsProcedure);
    if (!label.trim()) return setProblem(t.needsLabel);
    setProblem(undefined);
    setBusy(true);
    const created = await act(
      () =>
        send('dossier:create', {
          procedure: procedure.id,
          label: label.trim(),
          answers: pruneAnswers(procedure, answers),
          choices: {},
          lang: dossierLang,
          ...(commune ? { commune } : {}),
          ...(effectiveCountry ? { countryOfIssue: effectiveCountry } : {}),
          ...(planned ? { plannedSubmission: planned } : {}),
        }),
      t.created(label.trim()),
    );
    setBusy(false);
    if (created) onCreated(created);
  };

  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title">{t.setupTitle}</h1>
      <p>{t.setupIntro}</p>
      <form onSubmit={create} noValidate>
        {!everyProcedure && (
          <fieldset class="intents" data-testid="intents">
            <legend>{g.whatToDo}</legend>
            <p class="help">{g.whatToDoHelp}</p>
            {intents.map((i) => (
              <label key={i.id} class="choice">
                <input
                  type="radio"
                  name="setup-intent"
                  value={i.id}
                  checked={intentId === i.id}
                  onChange={() => {
                    setIntentId(i.id);
                    pickProcedure(i.procedures.length === 1 ? i.procedures[0]! : '');
                  }}
                />
                {localise(i.label, lang).text}
              </label>
            ))}
          </fieldset>
        )}
        <div class="field" hidden={!everyProcedure && !intent}>
          <label for="setup-procedure">{everyProcedure ? t.procedure : g.whichProcedure}</label>
          <select id="setup-procedure" value={procedureId} onChange={(e) => pickProcedure(e.currentTarget.value)}>
            <option value="">{t.chooseProcedure}</option>
            {listed.map((p) => (
              <option key={p.id} value={p.id}>
                {localise(p.title, lang).text}
              </option>
            ))}
          </select>
        </div>
        {everyProcedure ? (
          intents.length > 0 && (
            <button type="button" class="link" onClick={() => setEveryProcedure(false)}>
              {g.intentsAgain}
            </button>
          )
        ) : (
          <button type="button" class="link" onClick={() => setEveryProcedure(true)}>
            {g.allProcedures}
          </button>
        )}
        <div class="field">
          <label for="setup-label">{t.whose}</label>
          <p id="setup-label-help" class="help">
            {t.whoseHelp}
          </p>
          <input id="setup-label" type="text" autocomplete="off" maxLength={200} aria-describedby="setup-label-help" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <CommunePicker value={commune} onChange={setCommune} />
        <div class="field">
          <label for="setup-lang">{t.dossierLang}</label>
          <LanguageSelect id="setup-lang" value={dossierLang} onChange={setDossierLang} />
        </div>
        {!countryQuestion && (
          <div class="field">
            <label for="setup-country">{t.countryOfIssue}</label>
            <CountrySelect id="setup-country" value={country} onChange={setCountry} noneLabel={t.countryNone} />
          </div>
        )}
        <div class="field">
          <label for="setup-planned">
            {t.plannedSubmission} ({t.optional})
          </label>
          <DateInput id="setup-planned" live value={planned} onDate={(day) => setPlanned(day ?? '')} />
        </div>

        {procedure && shown.length > 0 && (
          <section aria-labelledby="setup-questions">
            <h2 id="setup-questions">{t.questions}</h2>
            {shown.map((q) => (
              <QuestionField key={q.id} procedure={procedure} question={q} value={answers[q.id]} onChange={(v) => setAnswer(q.id, v)} />
            ))}
          </section>
        )}

        {rules && rules.authentication !== 'none' && (
          <section aria-labelledby="setup-foreign" class="rules">
            <h2 id="setup-foreign">
              {t.foreignDocs} — {countryName(rules.country, lang)}
            </h2>
            <ul>
              {describeRules(rules, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p class="muted">{t.checkWithCommune}</p>
          </section>
        )}

        {procedure && procedure.eligibility.length > 0 && (
          <section aria-labelledby="setup-eligibility">
            <h2 id="setup-eligibility">{t.eligibility}</h2>
            <Verdicts procedure={procedure} answers={answers} />
          </section>
        )}

        {problem && (
          <p role="alert" class="error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.create}
        </button>
      </form>
    </section>
  );
}

/** The eligibility rules and routes with their state and reasons; shared by the set-up and the dossier view. */
export function Verdicts({ procedure, answers }: { procedure: Procedure; answers: Answers }) {
  const { t, lang } = useDashboard();
  const { general, routes, noneFits } = assessEligibility(procedure, answers);
  const text = (x: LocalText) => {
    const shown = localise(x, lang);
    return <span lang={shown.fallback ? shown.lang : undefined}>{shown.text}</span>;
  };
  return (
    <div class="eligibility">
      {general.length > 0 && (
        <>
          <h3>{t.generalRules}</h3>
          <ul class="verdicts">
            {general.map((rule) => (
              <li key={rule.rule.id} class={`verdict ${rule.state}`} data-rule={rule.rule.id} data-state={rule.state}>
                {text(rule.rule.text)} — <strong>{ruleState(rule, lang)}</strong>
                {describeRule(procedure, rule, lang).map((line) => (
                  <p key={line} class="reason">
                    {line}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {routes.length > 0 && (
        <>
          <h3>{t.routes}</h3>
          <ul class="verdicts">
            {routes.map((route) => (
              <li key={route.id} class={`verdict ${route.state}`} data-route={route.id} data-state={route.state}>
                <strong>{text(route.label)}</strong>
                {route.chosenBy === 'user' && ` (${t.yourChoice})`} — <span>{routeState(route.state, lang)}</span>
                {route.chosenBy === 'only-fit' && (
                  <p class="chosen-for-you" data-testid="only-fit">
                    {GUIDANCE_STRINGS[lang].onlyFit}
                  </p>
                )}
                {route.blockedBy.length > 0 && <p class="reason">{GUIDANCE_STRINGS[lang].blocked}</p>}
                <ul>
                  {rulesToShow(route).map((rule) => (
                    <li key={rule.rule.id} data-rule={rule.rule.id}>
                      {text(rule.rule.text)} — {ruleState(rule, lang)}
                      {describeRule(procedure, rule, lang).map((line) => (
                        <p key={line} class="reason">
                          {line}
                        </p>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {noneFits && <p class="error">{t.noRouteFits}</p>}
    </div>
  );
}
