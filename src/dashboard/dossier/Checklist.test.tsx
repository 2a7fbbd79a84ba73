/**
 * The checklist a stressed person reads, rendered from the REAL catalog: the way to prove a requirement
 * is pre-chosen from the answers, the other ways folded in a <details> with a button each, a shared
 * document is one card that says what it proves, the certified copy says pre-step and "only the commune";
 * and a date that does not exist is refused with a message tied to the field, saving nothing.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import catalog from '../../catalog/bundled';
import { summarise } from '../../dossier/summary';
import { DEFAULT_SETTINGS, type Dossier } from '../../model/data';
import { DASHBOARD_STRINGS } from '../../i18n/dashboard';
import { GUIDANCE_STRINGS } from '../../i18n/guidance';
import { Ctx, type DashboardContext } from '../context';

const sent = vi.hoisted(() => [] as Array<{ type: string; payload: unknown }>);
vi.mock('../../messaging/client', () => ({
  send: async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return {};
  },
}));
const { Checklist } = await import('./Checklist');

const moroccan: Dossier = {
  id: 'd',
  procedure: 'nationality-declaration-12bis',
  label: 'Amira',
  answers: {
    age: 34,
    'born-in-belgium': false,
    'years-legal-residence': 6,
    'unlimited-stay': true,
    'married-to-belgian': false,
    'parent-of-belgian-minor': false,
    'cannot-work': 'no',
    'has-foreign-documents': true,
    'country-of-issue': 'MA',
    'foreign-document-rule': 'apostille',
    'documents-language': 'other',
  },
  choices: {},
  lang: 'en',
  commune: 'auderghem',
  createdAt: 1,
  updatedAt: 1,
};

let root: HTMLElement;
let window: ReturnType<typeof parseHTML>['window'];
beforeEach(() => {
  ({ window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>'));
  vi.stubGlobal('document', window.document);
  vi.stubGlobal('Event', window.Event);
  root = window.document.getElementById('root') as unknown as HTMLElement;
  sent.length = 0;
});
afterEach(() => {
  render(null, root);
  vi.unstubAllGlobals();
});

function show(dossier: Dossier) {
  const summary = summarise({ catalog, dossier, progress: [], appointments: [], lang: 'en', today: '2026-11-23' });
  const ctx: DashboardContext = { lang: 'en', t: DASHBOARD_STRINGS.en, catalog, settings: DEFAULT_SETTINGS, today: '2026-11-23', act: async (work) => work() };
  render(
    <Ctx.Provider value={ctx}>
      <Checklist summary={summary} />
    </Ctx.Provider>,
    root,
  );
  return summary;
}

describe('the checklist', () => {
  it('pre-chooses the foreign birth certificate for someone born abroad and folds the other ways', () => {
    const summary = show(moroccan);
    const g = GUIDANCE_STRINGS.en;
    const birth = summary.checklist.items.find((i) => i.docs.some((d) => d.artefact === 'foreign-birth-certificate'))!;
    expect(birth).toBeDefined();
    const entry = root.querySelector(`[data-node="${birth.node}"]`)!;
    // The suggested way is a card in view; the others are inside a closed <details>, one button each.
    expect(entry.querySelector('[data-artefact="foreign-birth-certificate"] h4')?.textContent).toContain('birth');
    const folded = entry.querySelector('details.other-ways')!;
    expect(folded.hasAttribute('open')).toBe(false);
    const choice = birth.choices.find((c) => c.others.length > 0)!;
    expect(folded.querySelector('summary')?.textContent).toBe(g.otherWays(choice.others.length));
    expect(folded.querySelectorAll('li[data-alternative]')).toHaveLength(choice.others.length);
    expect(entry.querySelector('[data-because]')?.textContent).toBe(g.suggested[choice.suggested!.because]);
    // None of the folded ways is a full card.
    expect(folded.querySelector('.item')).toBeNull();
  });

  it('switches to another way with one button, saving the choice', async () => {
    const summary = show(moroccan);
    const birth = summary.checklist.items.find((i) => i.docs.some((d) => d.artefact === 'foreign-birth-certificate'))!;
    const choice = birth.choices.find((c) => c.others.length > 0)!;
    const button = root.querySelector<HTMLButtonElement>(`[data-node="${birth.node}"] li[data-alternative="${choice.others[0]!.id}"] button`)!;
    button.dispatchEvent(new window.Event('click', { bubbles: true }) as unknown as Event);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ type: 'dossier:update', payload: { id: 'd', patch: { choices: { [choice.node]: choice.others[0]!.id } } } });
  });

  it('shows each document as one card, and says so where a document proves two requirements', () => {
    const summary = show(moroccan);
    const cards = [...root.querySelectorAll('.item[data-artefact]')].map((c) => c.getAttribute('data-artefact'));
    expect(new Set(cards).size).toBe(cards.length);
    // The secondary diploma proves both integration and the language.
    const shared = summary.checklist.documents.find((d) => d.artefact === 'secondary-diploma')!;
    expect(shared.proves).toHaveLength(2);
    expect(root.querySelectorAll('.item[data-artefact="secondary-diploma"]')).toHaveLength(1);
    expect(root.querySelector('.item[data-artefact="secondary-diploma"] .proves')?.textContent).toBe(GUIDANCE_STRINGS.en.provesAll(`${shared.proves[0]} and ${shared.proves[1]}`));
    expect(root.querySelector('.doc.again[data-artefact="secondary-diploma"] a')?.getAttribute('href')).toBe('#doc-secondary-diploma');
  });

  it('says pre-step and "only the commune" on the certified copy', () => {
    show(moroccan);
    const copy = root.querySelector('.item[data-artefact="id-card-certified-copy"]')!;
    expect(copy.querySelector('.pre-step')?.textContent).toMatch(/^Pre-step/);
    expect(copy.querySelector('.only-commune')?.textContent).toBe(GUIDANCE_STRINGS.en.onlyCommune);
  });

  it('refuses a date that does not exist, says it next to the field, and saves nothing', () => {
    show(moroccan);
    const input = root.querySelector<HTMLInputElement>('input[id$="-issued"]')!;
    const error = root.querySelector(`#${input.id}-error`)!;
    expect(error.getAttribute('aria-live')).toBe('polite');
    expect(input.getAttribute('aria-describedby')).toContain(`${input.id}-error`);
    input.value = '2026-02-30';
    input.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    return vi.waitFor(() => {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(root.querySelector(`#${input.id}-error`)?.textContent).toBe(GUIDANCE_STRINGS.en.invalidDate);
      expect(sent).toHaveLength(0);
    });
  });

  it('saves a real date', async () => {
    show(moroccan);
    const input = root.querySelector<HTMLInputElement>('input[id$="-issued"]')!;
    input.value = '2026-02-28';
    input.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.payload).toMatchObject({ patch: { issuedOn: '2026-02-28' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });
});
