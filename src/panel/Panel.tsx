/**
 * The in-page panel: what this portal page is for, and what the user does here. Everything it shows
 * comes from the background (the catalog's texts in the user's language).
 */
import type { PageDescription, Shown } from '../messaging/protocol';

function Text({ value }: { value: Shown }) {
  return value.fallback ? <span lang={value.lang}>{value.text}</span> : <>{value.text}</>;
}

export function Panel({ description }: { description: PageDescription }) {
  return (
    <aside role="complementary" aria-label="Be Civic" class="panel" data-page={description.page}>
      <header>
        <strong>Be Civic</strong>
        <p class="where">
          <Text value={description.portalName} /> — <Text value={description.pageTitle} />
        </p>
      </header>
      {description.explains && (
        <p class="explains">
          <Text value={description.explains} />
        </p>
      )}
      {description.artefacts.map((artefact) => (
        <section key={artefact.id} aria-label={artefact.title.text}>
          <h2>
            <Text value={artefact.title} />
          </h2>
          {artefact.sources.map((source) => (
            <div key={source.id} class="source">
              <p>
                <Text value={source.userDoes} />
              </p>
              {!source.confirmedByUser && <p class="unverified">⚠</p>}
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
