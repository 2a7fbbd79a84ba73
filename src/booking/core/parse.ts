/**
 * Reads the date and time of an appointment out of the text of a booking confirmation (what the user
 * selected on the confirmation page, or typed). Commune sites write dates in French, Dutch, German or
 * English, numerically or with month names. The result is only a proposal: the user confirms it
 * before anything is saved.
 */
import type { ConfirmationReading } from '../../model/views';

const MONTHS: Record<string, number> = {};
const names: Array<[number, string[]]> = [
  [1, ['janvier', 'janv', 'januari', 'januar', 'jänner', 'january', 'jan']],
  [2, ['février', 'fevrier', 'févr', 'fevr', 'februari', 'februar', 'february', 'feb', 'fév']],
  [3, ['mars', 'maart', 'märz', 'maerz', 'march', 'mar', 'mrt']],
  [4, ['avril', 'avr', 'april', 'apr']],
  [5, ['mai', 'mei', 'may']],
  [6, ['juin', 'juni', 'june', 'jun']],
  [7, ['juillet', 'juil', 'juli', 'july', 'jul']],
  [8, ['août', 'aout', 'augustus', 'august', 'aug']],
  [9, ['septembre', 'sept', 'september', 'sep']],
  [10, ['octobre', 'oct', 'oktober', 'october', 'okt']],
  [11, ['novembre', 'nov', 'november']],
  [12, ['décembre', 'decembre', 'déc', 'dec', 'december', 'dezember', 'dez']],
];
for (const [month, words] of names) for (const word of words) MONTHS[word] = month;
const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function realDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export interface ParsedAppointment {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, when the text gives a time. */
  time?: string;
}

export function parseAppointmentText(text: string): ParsedAppointment | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  let date: string | undefined;
  let rest = t;
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => string | undefined]> = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => realDay(+m[1]!, +m[2]!, +m[3]!)],
    [/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => realDay(+m[3]!, +m[2]!, +m[1]!)],
    [new RegExp(`\\b(\\d{1,2})(?:er|e)?\\.? (${MONTH_WORD})\\.?,? (\\d{4})\\b`), (m) => realDay(+m[3]!, MONTHS[m[2]!]!, +m[1]!)],
    [new RegExp(`\\b(${MONTH_WORD})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`), (m) => realDay(+m[3]!, MONTHS[m[1]!]!, +m[2]!)],
  ];
  for (const [re, read] of patterns) {
    const m = t.match(re);
    if (m && (date = read(m))) {
      rest = t.slice(0, m.index) + ' ' + t.slice(m.index! + m[0].length);
      break;
    }
  }
  if (!date) return undefined;
  const time = rest.match(/\b([01]?\d|2[0-3]) ?(?::|h|u|\.) ?([0-5]\d)\b/) ?? rest.match(/\b([01]?\d|2[0-3]) ?(?:h|uhr|uur)\b/);
  return time ? { date, time: `${pad(+time[1]!)}:${time[2] ?? '00'}` } : { date };
}

const REFERENCE_WORD = /code|r[ée]f[ée]rence|referentie|referenz|kenmerk|num[ée]ro|nummer|number/gi;
/** A tracking code named as such («code de suivi», iMio's forms): a code of capitals, with or without digits. */
const TRACKING_CODE = /\b[Cc]ode de suivi\s*:?\s*([A-Z0-9]{4,16})\b/;
const REFERENCE = /^[\s:#n°nr.]*\b((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b/;
const POSTCODE_PLACE = /\b[1-9]\d{3} \p{Lu}/u;

/**
 * Everything a confirmation page's text proposes for the appointment: date and time
 * (parseAppointmentText), the place and the booking code. Each part is only a proposal for the user
 * to check; a part that is not found is left out.
 */
export function readConfirmation(text: string): ConfirmationReading {
  const flat = text.replace(/\s+/g, ' ').trim();
  const out: ConfirmationReading = { ...parseAppointmentText(flat) };
  const tracking = flat.match(TRACKING_CODE);
  if (tracking) out.reference = tracking[1];
  for (const word of tracking ? [] : flat.matchAll(REFERENCE_WORD)) {
    const code = flat.slice(word.index + word[0].length, word.index + word[0].length + 40).match(REFERENCE);
    if (code) {
      out.reference = code[1];
      break;
    }
  }
  // Sentences end at a full stop followed by a space; a time like 9.05 or an initial stays inside.
  const place = flat.split(/(?<=[.!?;])\s+|\n/).find((s) => POSTCODE_PLACE.test(s) && !parseAppointmentText(s));
  if (place) out.place = place.replace(/^.*: /, '').replace(/[.;]$/, '').slice(0, 200);
  return out;
}

/**
 * A place is proposed only where the platform's confirmation gives one (its catalog entry): on a page
 * that also shows the form's summary, as iMio's filed request does, a postcode and town are the
 * applicant's own address, not the appointment's place. Dates, times and labelled codes read the same
 * on any page, so they stay.
 */
export function withoutForeignPlace(reading: ConfirmationReading, gives: readonly string[]): ConfirmationReading {
  if (gives.includes('place') || reading.place === undefined) return reading;
  const { place: _place, ...rest } = reading;
  return rest;
}
