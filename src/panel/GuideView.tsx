/**
 * The booking guide as the panel frame shows it: the step of the site that shows (read from the page
 * by the content script, src/panel/guide.ts), the service each dossier should pick there, what the
 * step's fields ask for, and on the confirmation the appointment read from the page, saved only once
 * the user checked it.
 */
import { fill } from './boot';
import { Text } from './Panel';
import type { GuideComponent } from './types';

export const GuideView: GuideComponent = ({ model, t, actions }) => {
  const guide = model.guide;
  const step = model.description?.guide?.find((s) => s.id === guide?.reading.step);
  if (!guide || !step) return null;
  const bookings = model.state?.bookings ?? [];
  const g = t.guide;
  const { draft, reading } = guide;
  const dossiers = bookings.filter((b, i) => bookings.findIndex((o) => o.dossierId === b.dossierId) === i);
  const field = (name: 'date' | 'time' | 'place' | 'reference', type: string, required?: boolean) => (
    <label>
      {g[name]}
      <input name={name} type={type} required={required} value={draft?.[name]} onInput={(event) => actions.edit(name, event.currentTarget.value)} />
    </label>
  );
  const fields = reading.fields.flatMap((f) => {
    const known = step.fields[f.at];
    return known ? [{ label: f.label, explain: known.explain }] : [];
  });
  return (
    <section class="guide" aria-label={g.heading} data-step={step.id}>
      <h3>{g.heading}</h3>
      <p>
        <Text value={step.explain} />
      </p>
      {step.highlightService &&
        bookings.map((b, i) => (
          <div class="pick" key={i}>
            <p>
              {fill(g.choose, { dossier: b.dossierLabel })}{' '}
              <strong>
                <Text value={b.choose} />
              </strong>
            </p>
            {reading.found[i] ? (
              <button type="button" onClick={() => actions.showService(i)}>
                {g.showMe}
              </button>
            ) : (
              <p class="hint">{reading.found[i] === false ? g.notFound : g.looking}</p>
            )}
          </div>
        ))}
      {fields.length > 0 && (
        <dl>
          {fields.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>
                <Text value={f.explain} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {step.confirmation &&
        dossiers.length > 0 &&
        (draft ? (
          <form
            class="draft"
            onSubmit={(event) => {
              event.preventDefault();
              actions.confirmSave();
            }}
          >
            <p>{draft.read ? g.check : g.noDate}</p>
            {dossiers.length > 1 && (
              <label>
                {g.dossier}
                <select name="dossier" value={draft.dossierId} onChange={(event) => actions.edit('dossierId', event.currentTarget.value)}>
                  {dossiers.map((d) => (
                    <option key={d.dossierId} value={d.dossierId}>
                      {d.dossierLabel}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {field('date', 'date', true)}
            {field('time', 'time', true)}
            {field('place', 'text')}
            {field('reference', 'text')}
            <button type="submit" class="primary">
              {g.confirm}
            </button>{' '}
            <button type="button" onClick={actions.cancelSave}>
              {g.cancel}
            </button>
          </form>
        ) : (
          <button type="button" class="primary" onClick={actions.startSave}>
            {g.save}
          </button>
        ))}
    </section>
  );
};
