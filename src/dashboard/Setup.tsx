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
import { assessEligibility, pruneAnswers, visibleQuestions } from '../dossier/flow';
import type { Answer, Answers } from '../dossier/requirements';
import type { Dossier } from '../model/data';
import { findCommunes } from '../catalog/communes';
import { useDashboard } from './context';
import { describeRule, describeRules, routeState, ruleState, rulesToShow } from '../dossier/describe';
import { LanguageSelect } from './LanguageSelect';

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

export function QuestionField({ question, value, onChange }: { question: Question; value: Answer | undefined; onChange: (v: Answer | undefined) => void }) {
  const { lang, t } = useDashboard();
  const label = localise(question.label, lang);
  const help = question.help ? localise(question.help, lang) : undefined;
  const id = `q-${question.id}`;
  const describedBy = help ? `${id}-help` : undefined;
  const helpText = help && (
    <p id={`${id}-help`} class="help" lang={help.fallback ? help.lang : undefined}>
      {help.text}
    </p>
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
  return (
    <div class="question field" data-question={question.id}>
      {labelEl}
      {helpText}
      <input
        id={id}
        type={question.kind === 'number' ? 'number' : 'date'}
        min={question.kind === 'number' ? 0 : undefined}
        step={question.kind === 'number' ? 1 : undefined}
        aria-describedby={describedBy}
        value={value === undefined ? '' : String(value)}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          if (raw === '') return onChange(undefined);
          if (question.kind === 'number') {
            const n = Number(raw);
            onChange(Number.isFinite(n) ? n : undefined);
          } else onChange(raw);
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
  const communes = useMemo(
    () => [...catalog.communes].sort((a, b) => localise(a.names, lang).text.localeCompare(localise(b.names, lang).text, lang)),
    [catalog, lang],
  );
  const [procedureId, setProcedureId] = useState(preselect && catalog.procedures.some((p) => p.id === preselect) ? preselect : '');
  const [label, setLabel] = useState('');
  const [commune, setCommune] = useState('');
  const [communeQuery, setCommuneQuery] = useState('');
  // 565 communes: a name in any language or a postcode narrows the list (the chosen one stays in it).
  const communeChoices = useMemo(() => {
    if (!communeQuery.trim()) return communes;
    const found = new Set(findCommunes(communes, communeQuery, 50).map((c) => c.id));
    return communes.filter((c) => found.has(c.id) || c.id === commune);
  }, [communes, communeQuery, commune]);
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
        <div class="field">
          <label for="setup-procedure">{t.procedure}</label>
          <select
            id="setup-procedure"
            value={procedureId}
            onChange={(e) => {
              setProcedureId(e.currentTarget.value);
              setAnswers({});
            }}
          >
            <option value="">{t.chooseProcedure}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {localise(p.title, lang).text}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="setup-label">{t.whose}</label>
          <p id="setup-label-help" class="help">
            {t.whoseHelp}
          </p>
          <input id="setup-label" type="text" autocomplete="off" maxLength={200} aria-describedby="setup-label-help" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="setup-commune">{t.commune}</label>
          <input
            id="setup-commune-search"
            type="search"
            autocomplete="off"
            aria-label={t.communeSearch}
            placeholder={t.communeSearch}
            value={communeQuery}
            onInput={(e) => {
              const query = e.currentTarget.value;
              setCommuneQuery(query);
              const found = findCommunes(communes, query, 2);
              if (found.length === 1) setCommune(found[0]!.id);
            }}
          />
          <select id="setup-commune" value={commune} onChange={(e) => setCommune(e.currentTarget.value)}>
            <option value="">{t.communeNone}</option>
            {communeChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {localise(c.names, lang).text}
              </option>
            ))}
          </select>
        </div>
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
          <input id="setup-planned" type="date" value={planned} onInput={(e) => setPlanned(e.currentTarget.value)} />
        </div>

        {procedure && shown.length > 0 && (
          <section aria-labelledby="setup-questions">
            <h2 id="setup-questions">{t.questions}</h2>
            {shown.map((q) => (
              <QuestionField key={q.id} question={q} value={answers[q.id]} onChange={(v) => setAnswer(q.id, v)} />
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
                {route.chosen && ` (${t.yourChoice})`} — <span>{routeState(route.state, lang)}</span>
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
