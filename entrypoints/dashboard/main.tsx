/**
 * The dossier dashboard. For now it lists the procedures the catalog knows; the dossier features
 * grow from here.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../src/messaging/client';
import { pickLang } from '../../src/i18n';
import type { ResponseOf } from '../../src/messaging/protocol';

function Dashboard() {
  const lang = pickLang(navigator.languages);
  const [procedures, setProcedures] = useState<ResponseOf<'catalog:procedures'> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    send('catalog:procedures', { lang }).then(setProcedures, (e: Error) => setError(e.message));
  }, [lang]);
  return (
    <main>
      <h1>Be Civic</h1>
      {error && <p role="alert">{error}</p>}
      <h2>Procedures</h2>
      <ul aria-busy={!procedures}>
        {procedures?.map((p) => (
          <li key={p.id} lang={p.title.lang}>
            {p.title.text}
          </li>
        ))}
      </ul>
    </main>
  );
}

document.documentElement.lang = pickLang(navigator.languages);
render(<Dashboard />, document.getElementById('app')!);
