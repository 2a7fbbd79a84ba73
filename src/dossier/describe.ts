/**
 * Sentences built from the pure dossier modules' results (why a route does not fit, what a fee line
 * is based on, how long a document stays valid), shared by the dashboard and the PDF so both say the
 * same words.
 */
import type { Duration, Procedure } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import { countryName, type DocumentRules } from '../dossier/countries';
import type { FeeLine, FeeTotal } from '../dossier/fees';
import type { Reason, RouteVerdict, RuleVerdict, VerdictState } from '../dossier/flow';
import type { Answer } from '../dossier/requirements';
import type { ItemView } from '../dossier/summary';
import { dashboardStrings as strings } from '../i18n/dashboard';
import { formatDay, formatList, formatMoney, plural } from '../i18n/format';
import { GUIDANCE_STRINGS } from '../i18n/guidance';
import type { DelayView } from './visits';
import type { ChecklistAlternative } from './checklist';

type Question = Procedure['questions'][number];

export function formatAnswer(question: Question | undefined, value: Answer, lang: Lang): string {
  const s = strings(lang);
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  if (!question) return String(value);
  if (question.kind === 'choice') {
    const choice = question.choices?.find((c) => c.id === value);
    return choice ? localise(choice.label, lang).text : String(value);
  }
  if (question.kind === 'country' && typeof value === 'string') return countryName(value, lang);
  if (question.kind === 'date' && typeof value === 'string') return formatDay(value, lang);
  return String(value);
}

/** "Years of legal residence? — your answer: 3; needs at least 5". */
export function describeReason(procedure: Procedure, reason: Reason, lang: Lang): string {
  const s = strings(lang);
  const question = procedure.questions.find((q) => q.id === reason.fact);
  const label = question ? localise(question.label, lang).text : reason.fact;
  const e = reason.expected;
  const answer = (v: Answer) => formatAnswer(question, v, lang);
  let needs: string;
  if ('equals' in e) needs = reason.negated ? s.needsNotEquals(answer(e.equals)) : s.needsEquals(answer(e.equals));
  else if ('in' in e) {
    const list = e.in.map(answer).join(', ');
    needs = reason.negated ? s.needsNotIn(list) : s.needsIn(list);
  } else if ('at_least' in e) needs = reason.negated ? s.needsBelow(String(e.at_least)) : s.needsAtLeast(String(e.at_least));
  else needs = reason.negated ? s.needsAtLeast(String(e.below)) : s.needsBelow(String(e.below));
  return `${s.reasonIs(label, answer(reason.answer))}; ${needs}`;
}

/** The lines under a rule: why it fails, or which questions it still waits for. */
export function describeRule(procedure: Procedure, verdict: RuleVerdict, lang: Lang): string[] {
  if (verdict.state === 'fails') return verdict.reasons.map((r) => describeReason(procedure, r, lang));
  if (verdict.state === 'open') {
    const labels = verdict.missing.map((id) => {
      const q = procedure.questions.find((x) => x.id === id);
      return q ? localise(q.label, lang).text : id;
    });
    return [strings(lang).stillToAnswer(labels.join(' · '))];
  }
  return [];
}

export function ruleState(verdict: RuleVerdict, lang: Lang): string {
  const s = strings(lang);
  return verdict.state === 'holds' ? s.ruleHolds : verdict.state === 'fails' ? s.ruleFails : verdict.state === 'open' ? s.ruleOpen : s.toProve;
}

export function routeState(state: VerdictState, lang: Lang): string {
  const s = strings(lang);
  return state === 'fits' ? s.fits : state === 'rejected' ? s.rejected : s.openRoute;
}

/** The rules worth printing under a route: failing ones when rejected, waiting ones when open, documents to bring when it fits. */
export function rulesToShow(route: RouteVerdict): RuleVerdict[] {
  if (route.state === 'rejected') return route.rules.filter((r) => r.state === 'fails');
  if (route.state === 'open') return route.rules.filter((r) => r.state === 'open');
  return route.rules.filter((r) => r.state === 'to-prove');
}

export function feeAmount(line: Pick<FeeLine, 'min' | 'max'>, lang: Lang): string {
  return line.min === line.max ? formatMoney(line.min, lang) : `${formatMoney(line.min, lang)} – ${formatMoney(line.max, lang)}`;
}

export function feeBasis(line: FeeLine, lang: Lang): string {
  const s = strings(lang);
  if (line.basis === 'commune') return s.feeCommune(line.year);
  if (line.basis === 'fixed') return s.feeFixed;
  if (line.basis === 'unknown') return s.feeUnknown;
  return s.feeRange;
}

export function feeTotalBasis(total: FeeTotal, lang: Lang): string {
  const s = strings(lang);
  const parts: string[] = [];
  if (total.exact) parts.push(s.feeExact);
  else if (total.min !== total.max) parts.push(s.feeRangeTotal);
  else if (!total.applicantsUnknown && !total.incomplete) parts.push(s.uncertain);
  if (total.applicantsUnknown) parts.push(GUIDANCE_STRINGS[lang].applicantsUnknown);
  if (total.incomplete) parts.push(s.feeIncomplete);
  return parts.join('; ');
}

export function describeRules(rules: DocumentRules, lang: Lang): string[] {
  const s = strings(lang);
  const out: string[] = [];
  if (rules.authentication === 'exempt') out.push(s.authExempt);
  if (rules.authentication === 'apostille') out.push(s.authApostille);
  if (rules.authentication === 'legalisation') out.push(s.authLegalisation);
  if (rules.translation === 'sworn') out.push(s.transSworn);
  if (rules.translation === 'if-not-fr-nl-de') out.push(s.transMaybe);
  return out;
}

/** "Valid until …", or why it stands out against the planned submission day. */
export function describeValidity(item: Pick<ItemView, 'expiresOn' | 'validity'>, lang: Lang): string | undefined {
  const s = strings(lang);
  if (!item.expiresOn || !item.validity) return undefined;
  const end = formatDay(item.expiresOn, lang);
  const ref = formatDay(item.validity.reference, lang);
  if (item.validity.state === 'expired') return s.expiredBefore(end, ref);
  if (item.validity.state === 'expiring') return s.expiring(end, ref, item.validity.daysLeft);
  return s.valid(end);
}

/** "2 weeks", "1 month and 2 weeks": a catalog duration in words. */
export function describeDuration(duration: Duration, lang: Lang): string {
  const g = GUIDANCE_STRINGS[lang];
  const units = ['years', 'months', 'weeks', 'working_days', 'days', 'hours'] as const;
  return formatList(
    units.flatMap((u) => (duration[u] ? [plural(duration[u], lang, g.units[u])] : [])),
    lang,
  );
}

/** A delay as one line: its label, then "about 2 weeks" or "at least 3 working days". */
export function describeDelay(delay: Pick<DelayView, 'label' | 'duration' | 'atLeast'>, lang: Lang): string {
  const g = GUIDANCE_STRINGS[lang];
  const span = delay.duration ? g.about(describeDuration(delay.duration, lang)) : delay.atLeast ? g.atLeast(describeDuration(delay.atLeast, lang)) : undefined;
  return span ? `${delay.label} — ${span}` : delay.label;
}

/** "25,00 € per person × 3", for a per-person fee line. */
export function describePerPerson(line: FeeLine, lang: Lang): string | undefined {
  if (!line.perPerson) return undefined;
  const { unitMin, unitMax, applicants } = line.perPerson;
  return GUIDANCE_STRINGS[lang].perPerson(feeAmount({ min: unitMin, max: unitMax }, lang), applicants);
}

/** How an alternative is named to the user: its own label, else the documents it takes. */
export function alternativeName(alternative: Pick<ChecklistAlternative, 'label' | 'docs'>, parentLabel: string): string {
  if (alternative.label === parentLabel && alternative.docs.length > 0) return alternative.docs.map((d) => d.title).join(' + ');
  // The catalog's alternatives read "OR …" in the tree; listed under "other ways", the "or" goes without saying.
  return alternative.label.replace(/^(OR|OU|OF|ODER)\s+/, '');
}
