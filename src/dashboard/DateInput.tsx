/**
 * A date field that says when what was typed is not a date: browsers drop an impossible date (31 February)
 * from a date input without a word, and a browser showing a plain text box takes anything. The message
 * is in the UI language, tied to the field (aria-describedby, aria-invalid) and announced (aria-live);
 * nothing is saved until the date is real.
 */
import { useState } from 'preact/hooks';
import { GUIDANCE_STRINGS } from '../i18n/guidance';
import { useDashboard } from './context';

/** YYYY-MM-DD naming a day that exists. */
export function isRealDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function DateInput({
  id,
  value,
  onDate,
  describedBy,
  live = false,
}: {
  id: string;
  value: string;
  /** A real day, or undefined when the field was emptied. */
  onDate: (day: string | undefined) => void;
  describedBy?: string;
  /** Report every keystroke (set-up forms) rather than on change (saved fields). */
  live?: boolean;
}) {
  const { lang } = useDashboard();
  const [invalid, setInvalid] = useState(false);
  const errorId = `${id}-error`;
  const read = (input: HTMLInputElement) => {
    const raw = input.value.trim();
    const bad = Boolean(input.validity?.badInput) || (raw !== '' && !isRealDay(raw));
    setInvalid(bad);
    if (!bad && raw !== value) onDate(raw || undefined);
  };
  return (
    <>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={[describedBy, errorId].filter(Boolean).join(' ')}
        onInput={live ? (e) => read(e.currentTarget) : undefined}
        onChange={(e) => read(e.currentTarget)}
        onBlur={(e) => read(e.currentTarget)}
      />
      <p id={errorId} class="error" aria-live="polite">
        {invalid ? GUIDANCE_STRINGS[lang].invalidDate : ''}
      </p>
    </>
  );
}
