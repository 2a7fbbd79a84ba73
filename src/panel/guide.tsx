/**
 * The panel's guide through a commune's booking site, shipped only in the content script of the
 * booking hosts the user granted (entrypoints/booking.content): which step of the site shows, the
 * service each dossier should pick there (outlined over the page, never changing it), what the step's
 * fields ask for, and on the confirmation the appointment read from the page, saved only once the
 * user checked it. It never clicks, fills or submits anything on the page.
 */
import type { GuideStep } from '../model/views';
import { signalsHold } from '../recognise';
import { request } from './api';
import { fill } from './boot';
import { describeError } from '../i18n/errors';
import { doc } from './dom';
import { Text } from './Panel';
import type { Draft, Guide, GuideView, PanelModel, Session } from './types';
import { documentProbe } from './probe';
import type { PanelStrings as Strings } from '../i18n/panel';

/** Coalescing of the page's changes: the guide is checked at most this often. */
const SETTLE_MS = 100;
/** On a booking site: how long a step's service is looked for before the panel says it is not on the page. */
const FIND_MS = 5_000;
/** Text nodes read when looking for a service's label: enough for any booking form, bounded on huge pages. */
const MAX_TEXT_NODES = 5_000;
/** Text of a confirmation page read for the appointment (the protocol's bound). */
const MAX_READ = 20_000;

const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const present = (selector: string): Element | null => {
  try {
    return doc.one(selector);
  } catch {
    return null;
  }
};

/** The rendered page element whose own text holds one of the site's labels (a select for an option), if any. */
function findLabel(labels: string[]): Element | null {
  const wanted = labels.map(norm).filter(Boolean);
  const root = doc.root();
  if (!root || wanted.length === 0) return null;
  const walker = doc.texts(root);
  for (let n = 0; n < MAX_TEXT_NODES && walker.nextNode(); n++) {
    const text = norm(walker.currentNode.nodeValue);
    // An option has no box of its own: its select is what shows (and what gets outlined).
    const element = walker.currentNode.parentElement?.closest('select') ?? walker.currentNode.parentElement;
    // Script and style text has no box: only what the user can see counts.
    if (element && wanted.some((w) => text.includes(w)) && element.getClientRects().length > 0) return element;
  }
  return null;
}

/** The page's own words for a form field: its label, else its accessible or placeholder text. */
function labelOf(field: Element): string {
  const labels = (field as HTMLInputElement).labels;
  return (labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.getAttribute('placeholder') ?? '').trim();
}

export function createGuide({ current, draw, say, usable, focusIn }: Session): Guide {
  let guideWatch: MutationObserver | undefined;
  let guideTimer: ReturnType<typeof setTimeout> | undefined;
  let findTimer: ReturnType<typeof setTimeout> | undefined;
  let guideKey = '';
  let stepSince = 0;
  let targets: Array<Element | null | undefined> = [];
  let spots: HTMLElement[] = [];
  let spotFrame = 0;

  const stopGuide = () => {
    guideWatch?.disconnect();
    guideWatch = undefined;
    clearTimeout(guideTimer);
    clearTimeout(findTimer);
    guideTimer = findTimer = undefined;
    guideKey = '';
    targets = [];
    for (const spot of spots) spot.remove();
    spots = [];
  };

  /** Outlines the found services, in the panel's own shadow root, over where they are now. */
  const placeSpots = () => {
    spotFrame = 0;
    const shown = current();
    const found = shown?.model.guide?.step.highlightService ? targets.filter((t): t is Element => !!t?.isConnected) : [];
    while (spots.length > found.length) spots.pop()!.remove();
    found.forEach((element, i) => {
      let spot = spots[i];
      if (!spot) {
        spot = doc.create('div');
        spot.className = 'spot';
        shown!.host.shadow.append(spot);
        spots.push(spot);
      }
      const r = element.getBoundingClientRect();
      spot.style.cssText = r.width ? `left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px` : 'display:none';
    });
  };
  const followSpots = () => {
    if (spots.length && !spotFrame) spotFrame = requestAnimationFrame(placeSpots);
  };

  /** Which step of the site's guide shows (the last whose signals hold), what to point at in it, and which of its fields are here. */
  const checkGuide = () => {
    guideTimer = undefined;
    const shown = current();
    const steps = shown?.model.description?.guide;
    if (!shown || !steps) return;
    const probe = documentProbe();
    let step: GuideStep | undefined;
    for (const s of steps) if (signalsHold(s.when, probe)) step = s;
    const before = shown.model.guide;
    const now = performance.now();
    if (step?.id !== before?.step.id) {
      stepSince = now;
      targets = [];
    }
    const waiting = now - stepSince < FIND_MS;
    const found = step?.highlightService
      ? (shown.model.state?.bookings ?? []).map((b, i) => {
          if (!targets[i]?.isConnected) targets[i] = findLabel(b.labels);
          return targets[i] ? true : waiting ? undefined : false;
        })
      : [];
    const fields = (step?.fields ?? []).flatMap((f) => {
      const element = present(f.selector);
      return element ? [{ label: labelOf(element), explain: f.explain }] : [];
    });
    const guide: GuideView | undefined = step && { step, found, fields, ...(before?.step === step && before.draft ? { draft: before.draft } : {}) };
    const key = JSON.stringify([step?.id, found, fields.map((f) => f.label)]);
    if (key !== guideKey) {
      guideKey = key;
      shown.model = { ...shown.model, guide };
      draw(shown);
    }
    placeSpots();
    clearTimeout(findTimer);
    // Still looking: say "not found" when the wait is over, even if the page stays still.
    if (found.includes(undefined)) findTimer = setTimeout(checkGuide, stepSince + FIND_MS - now);
  };

  /** Re-checks the guide on the page's changes, at most every SETTLE_MS, for as long as this page's panel lives. */
  const watchGuide = () => {
    const root = doc.root();
    if (guideWatch || !root) return;
    guideWatch = new MutationObserver(() => {
      guideTimer ??= setTimeout(checkGuide, SETTLE_MS);
    });
    guideWatch.observe(root, { childList: true, subtree: true, characterData: true });
    checkGuide();
  };

  const actions = {
    showService(index: number) {
      targets[index]?.scrollIntoView({ block: 'center' });
    },
    startSave() {
      const shown = usable();
      if (!shown?.model.guide) return;
      const t = shown.model.strings;
      const selected = getSelection()?.toString().trim();
      const main = (doc.one('main, [role=main]') ?? doc.one('body')) as HTMLElement | null;
      const text = (selected || main?.innerText || '').slice(0, MAX_READ);
      request('booking:read', { text }).then(
        (read) => {
          const guide = shown.model.guide;
          if (current() !== shown || !guide) return;
          guide.draft = {
            date: read.date ?? '',
            time: read.time ?? '',
            place: read.place ?? '',
            reference: read.reference ?? '',
            dossierId: shown.model.state?.bookings?.[0]?.dossierId ?? '',
            read: !!read.date,
          };
          draw(shown);
          focusIn(shown, '.draft input');
        },
        (error: unknown) => current() === shown && say(shown, fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
    edit(name: keyof Draft, value: string) {
      const draft = current()?.model.guide?.draft;
      // Kept as typed without a redraw: the inputs already show it.
      if (draft && name !== 'read') draft[name] = value;
    },
    cancelSave() {
      const shown = current();
      if (!shown?.model.guide) return;
      shown.model.guide.draft = undefined;
      draw(shown);
    },
    confirmSave() {
      const shown = usable();
      const draft = shown?.model.guide?.draft;
      const booking = shown?.model.state?.bookings?.find((b) => b.dossierId === draft?.dossierId);
      if (!shown || !draft || !booking) return;
      const t = shown.model.strings;
      const place = draft.place.trim();
      const reference = draft.reference.trim();
      request('appointment:save', {
        id: crypto.randomUUID(),
        dossierId: booking.dossierId,
        service: booking.labels[0] ?? booking.choose.text,
        start: `${draft.date}T${draft.time}`,
        ...(booking.visit ? { visit: booking.visit.id } : {}),
        ...(place ? { place } : {}),
        ...(reference ? { reference } : {}),
      }).then(
        () => {
          if (current() !== shown) return;
          if (shown.model.guide) shown.model.guide.draft = undefined;
          say(shown, fill(t.guide.saved, { dossier: booking.dossierLabel }));
        },
        (error: unknown) => current() === shown && say(shown, fill(t.failed, { reason: describeError(error, t.errors) })),
      );
    },
  };

  const Guide = ({ model, t }: { model: PanelModel; t: Strings }) => {
    const guide = model.guide;
    if (!guide) return null;
    const bookings = model.state?.bookings ?? [];
    const g = t.guide;
    const { step, draft } = guide;
    const dossiers = bookings.filter((b, i) => bookings.findIndex((o) => o.dossierId === b.dossierId) === i);
    const field = (name: 'date' | 'time' | 'place' | 'reference', type: string, required?: boolean) => (
      <label>
        {g[name]}
        <input name={name} type={type} required={required} value={draft?.[name]} onInput={(event) => actions.edit(name, event.currentTarget.value)} />
      </label>
    );
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
              {guide.found[i] ? (
                <button type="button" onClick={() => actions.showService(i)}>
                  {g.showMe}
                </button>
              ) : (
                <p class="hint">{guide.found[i] === false ? g.notFound : g.looking}</p>
              )}
            </div>
          ))}
        {guide.fields.length > 0 && (
          <dl>
            {guide.fields.map((f, i) => (
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
            // Keep the page's selection: a mouse press on a button would otherwise clear it.
            <button type="button" class="primary" onMouseDown={(event) => event.preventDefault()} onClick={actions.startSave}>
              {g.save}
            </button>
          ))}
      </section>
    );
  };

  return {
    watch: watchGuide,
    check: () => {
      // The dossiers booking here may have changed, and with them the services looked for.
      guideKey = '';
      targets = [];
      if (guideWatch) checkGuide();
    },
    follow: followSpots,
    stop: stopGuide,
    Guide,
  };
}
