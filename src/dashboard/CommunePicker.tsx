/**
 * The set-up's commune field: 565 communes, so a name in any language or a postcode narrows the list
 * (the chosen one stays in it), and a query that names one commune picks it.
 */
import { useMemo, useState } from 'preact/hooks';
import { findCommunes } from '../catalog/communes';
import { localise } from '../i18n';
import { useDashboard } from './context';

export function CommunePicker({ value, onChange }: { value: string; onChange: (commune: string) => void }) {
  const { t, catalog, lang } = useDashboard();
  const communes = useMemo(
    () => [...catalog.communes].sort((a, b) => localise(a.names, lang).text.localeCompare(localise(b.names, lang).text, lang)),
    [catalog, lang],
  );
  const [communeQuery, setCommuneQuery] = useState('');
  const communeChoices = useMemo(() => {
    if (!communeQuery.trim()) return communes;
    const found = new Set(findCommunes(communes, communeQuery, 50).map((c) => c.id));
    return communes.filter((c) => found.has(c.id) || c.id === value);
  }, [communes, communeQuery, value]);
  return (
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
          if (found.length === 1) onChange(found[0]!.id);
        }}
      />
      <select id="setup-commune" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t.communeNone}</option>
        {communeChoices.map((c) => (
          <option key={c.id} value={c.id}>
            {localise(c.names, lang).text}
          </option>
        ))}
      </select>
    </div>
  );
}
