/**
 * The fees of a dossier: the procedure's fees that apply to the user's answers, each priced with the
 * commune's own figure when the catalog knows it (fee_overrides), otherwise with the catalog's fixed
 * amount or range, times the number of applicants for a per-person fee, and a total that says whether
 * it is exact or a range. Each fee is listed once for the dossier (never per visit). Pure; used by the
 * dashboard and the PDF so both say the same thing.
 */
import type { Commune, Money, Procedure, LocalText } from '../catalog/compiled';
import { evaluateCondition, type Answers } from './requirements';

/**
 * Where a line's amount comes from: `commune` (the commune's own figure), `fixed` (the same everywhere),
 * `range` (a catalog range, e.g. "0 to 80 EUR depending on the commune"), `unknown` (set by each commune,
 * and the catalog knows no range: counted as 0 in the total, which then says it is incomplete).
 */
export type FeeBasis = 'commune' | 'fixed' | 'range' | 'unknown';

export interface FeeLine {
  id: string;
  label: LocalText;
  /** The line's total: the unit amount times the applicants for a per-person fee. */
  min: number;
  max: number;
  /** Per-person fees: the amount for one applicant and how many applicants are counted. */
  perPerson?: { unitMin: number; unitMax: number; applicants: number; applicantsKnown: boolean };
  basis: FeeBasis;
  /** The year of the commune's figure, when the catalog gives one. */
  year?: number;
  note?: LocalText;
  /** True when the fee depends on a question the user has not answered yet. */
  uncertain: boolean;
}

export interface FeeTotal {
  lines: FeeLine[];
  min: number;
  max: number;
  exact: boolean;
  /** Some fee has no known amount at all: the total leaves it out. */
  incomplete: boolean;
  /** The commune was known but the catalog has no figure of its own for some per-commune fee. */
  communeFiguresMissing: boolean;
  /** Some per-person fee was counted for one applicant because the number of applicants is not answered. */
  applicantsUnknown: boolean;
}

/** How many people apply together: the procedure's applicants question, else one. */
export function applicantCount(procedure: Procedure, answers: Answers): { count: number; known: boolean } {
  if (!procedure.applicants) return { count: 1, known: true };
  const value = answers[procedure.applicants];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? { count: value, known: true } : { count: 1, known: false };
}

function bounds(amount: Money): { min: number; max: number; perCommune: boolean; unknown: boolean } {
  if ('fixed' in amount) return { min: amount.fixed, max: amount.fixed, perCommune: false, unknown: false };
  if ('per_commune' in amount) {
    const unknown = amount.min === undefined && amount.max === undefined;
    return { min: amount.min ?? 0, max: amount.max ?? amount.min ?? 0, perCommune: true, unknown };
  }
  return { min: amount.min, max: amount.max, perCommune: false, unknown: false };
}

/** Cents, so that 25 + 27.20 is 52.20 and not 52.199999. */
const cents = (n: number) => Math.round(n * 100);

export function feeTotal(procedure: Procedure, answers: Answers, commune?: Commune): FeeTotal {
  const lines: FeeLine[] = [];
  let communeFiguresMissing = false;
  const applicants = applicantCount(procedure, answers);
  const times = (line: FeeLine, perPerson: boolean): FeeLine => {
    if (!perPerson) return line;
    const n = applicants.count;
    return {
      ...line,
      min: (cents(line.min) * n) / 100,
      max: (cents(line.max) * n) / 100,
      perPerson: { unitMin: line.min, unitMax: line.max, applicants: n, applicantsKnown: applicants.known },
    };
  };
  for (const fee of procedure.fees) {
    const applies = fee.when ? evaluateCondition(fee.when, answers) : true;
    if (applies === false) continue;
    const override = commune?.fee_overrides.find((o) => o.procedure === procedure.id && o.fee === fee.id);
    const base = { id: fee.id, label: fee.label, uncertain: applies === undefined, ...(fee.note ? { note: fee.note } : {}) };
    if (override) {
      const { min, max } = bounds(override.amount);
      lines.push(
        times(
          {
            ...base,
            min,
            max,
            basis: 'commune',
            ...(override.year !== undefined ? { year: override.year } : {}),
            ...(override.note ? { note: override.note } : {}),
          },
          fee.per_person,
        ),
      );
      continue;
    }
    const { min, max, perCommune, unknown } = bounds(fee.amount);
    if (perCommune && commune) communeFiguresMissing = true;
    lines.push(times({ ...base, min, max, basis: unknown ? 'unknown' : perCommune || min !== max ? 'range' : 'fixed' }, fee.per_person));
  }
  const min = lines.reduce((sum, l) => sum + cents(l.min), 0) / 100;
  const max = lines.reduce((sum, l) => sum + cents(l.max), 0) / 100;
  const incomplete = lines.some((l) => l.basis === 'unknown');
  const applicantsUnknown = lines.some((l) => l.perPerson && !l.perPerson.applicantsKnown);
  const uncertain = lines.some((l) => l.uncertain);
  return { lines, min, max, exact: min === max && !incomplete && !applicantsUnknown && !uncertain, incomplete, communeFiguresMissing, applicantsUnknown };
}
