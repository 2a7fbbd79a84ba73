/** The user's own notes on a dossier. */
import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { useDashboard } from '../context';

export function DossierNotes({ id, notes: initial }: { id: string; notes: string }) {
  const { t, act } = useDashboard();
  const [notes, setNotes] = useState(initial);
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t.notes}</h2>
      <label for="dossier-notes" class="sr-only">
        {t.dossierNotes}
      </label>
      <textarea id="dossier-notes" rows={4} maxLength={20_000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      <button type="button" onClick={() => act(() => send('dossier:update', { id, patch: { notes } }), t.saved)}>
        {t.save}
      </button>
    </section>
  );
}
