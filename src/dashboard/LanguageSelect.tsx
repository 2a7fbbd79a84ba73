/** The four UI languages as a select, each option named in its own language (set-up and settings). */
import { LANGS, type Lang } from '../model/lang';
import { ownLanguageName } from '../i18n/format';

export function LanguageSelect({ id, value, onChange }: { id: string; value: Lang; onChange: (lang: Lang) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Lang)}>
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l}>
          {ownLanguageName(l)}
        </option>
      ))}
    </select>
  );
}
