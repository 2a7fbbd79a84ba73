import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingService, GuideStep, PageDescription, Shown } from '../model/views';
import { GuideView as Guide } from './GuideView';
import { Panel } from './Panel';
import type { GuideActions, PanelActions, PanelModel } from './types';
import { PANEL_STRINGS as STRINGS } from '../i18n/panel';

const shown = (text: string): Shown => ({ text, lang: 'en', fallback: false });
const step = (id: string, extra: Partial<GuideStep> = {}): GuideStep => ({
  id,
  when: { heading: id },
  explain: shown(`Explains ${id}`),
  highlightService: false,
  fields: [],
  confirmation: false,
  ...extra,
});
const booking = (dossierId: string, dossierLabel: string, label: string): BookingService => ({
  dossierId,
  dossierLabel,
  procedureTitle: shown('EU registration'),
  choose: shown(`“${label}”`),
  labels: [label],
});
const description: PageDescription = {
  page: 'auderghem-booking',
  pageTitle: shown('Booking'),
  portal: 'auderghem-covservices',
  portalName: shown('Online appointments'),
  role: 'booking',
  artefacts: [],
  capture: [],
};
const noop: PanelActions = { toggle() {}, setStatus() {}, capture() {}, editCapture() {}, saveCapture() {}, cancelCapture() {}, confirmPending() {}, cancelPending() {}, openSetup() {}, leave() {} };
const guideActions: GuideActions = { showService() {}, startSave() {}, edit() {}, cancelSave() {}, confirmSave() {} };

/** What the content script read (GuideReading) for a step of the description, and the draft if any. */
interface Seen {
  step: GuideStep;
  found: Array<boolean | undefined>;
  fields: Array<{ label: string; explain: Shown }>;
  draft?: NonNullable<PanelModel['guide']>['draft'];
}

let root: HTMLElement;
beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  Object.assign(globalThis, { document });
  root = document.getElementById('root') as unknown as HTMLElement;
});

function draw(seen: Seen, bookings: BookingService[]): HTMLElement {
  const fields = seen.fields.map((f, at) => ({ selector: `#f${at}`, explain: f.explain }));
  const step = { ...seen.step, fields: [...seen.step.fields, ...fields] };
  const guide = {
    reading: { step: step.id, found: seen.found.map((f) => f ?? null), fields: seen.fields.map((f, at) => ({ at: seen.step.fields.length + at, label: f.label })) },
    ...(seen.draft ? { draft: seen.draft } : {}),
  };
  const model: PanelModel = {
    lang: 'en',
    strings: STRINGS.en,
    description: { ...description, guide: [step] },
    state: { lang: 'en', collapsed: false, dossiers: [], hasDossiers: true, bookings },
    collapsed: false,
    covered: false,
    message: '',
    today: '2026-05-01',
    guide,
  };
  render(<Panel model={model} actions={noop} Guide={Guide} guideActions={guideActions} />, root);
  return root.querySelector('section.guide') as HTMLElement;
}

describe('the booking guide in the panel', () => {
  it('says for each dossier what to pick, with a button only where the service was found', () => {
    const bookings = [booking('a', 'Ana', 'MIGRATIE'), booking('b', 'Bo', 'PIN'), booking('c', 'Cy', 'KAART')];
    const section = draw({ step: step('choose-reason', { highlightService: true }), found: [true, false, undefined], fields: [] }, bookings);
    const picks = [...section.querySelectorAll('.pick')].map((p) => p.textContent);
    expect(picks[0]).toBe('For “Ana”, choose: “MIGRATIE”Show me');
    expect(picks[1]).toContain('Not found on this page');
    expect(picks[2]).toContain('Looking for it on the page…');
    expect(section.querySelectorAll('button')).toHaveLength(1);
  });

  it('explains the fields that are on the page, under the page’s own labels', () => {
    const section = draw({ step: step('your-details'), found: [], fields: [{ label: 'E-mail', explain: shown('Where the code goes.') }] }, []);
    expect([...section.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['E-mail']);
    expect(section.querySelector('dd')?.textContent).toBe('Where the code goes.');
    expect(section.textContent).not.toContain('Save this appointment');
  });

  it('on the confirmation: offers to save, then shows what was read for the user to check', () => {
    const confirmation = step('confirmation', { confirmation: true });
    const one = [booking('a', 'Ana', 'MIGRATIE')];
    expect([...draw({ step: confirmation, found: [], fields: [] }, one).querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Save this appointment']);
    const draft = { date: '2026-03-03', time: '09:05', place: '1160 Oudergem', reference: 'K7Q2ZP', dossierId: 'a', read: true };
    const form = draw({ step: confirmation, found: [], fields: [], draft }, one).querySelector('form.draft')!;
    const values = Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.getAttribute('name'), (i as HTMLInputElement).value]));
    expect(values).toEqual({ date: '2026-03-03', time: '09:05', place: '1160 Oudergem', reference: 'K7Q2ZP' });
    expect(form.querySelector('select')).toBeNull();
    expect(form.textContent).toContain('Nothing is saved until you confirm');
    const two = draw({ step: confirmation, found: [], fields: [], draft: { ...draft, date: '', read: false } }, [...one, booking('b', 'Bo', 'PIN'), booking('a', 'Ana', 'OTHER')]);
    expect([...two.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Ana', 'Bo']);
    expect(two.textContent).toContain('No date found in the text');
  });

  it('shows nothing without a dossier to save to, nor outside a guided page', () => {
    expect(draw({ step: step('confirmation', { confirmation: true }), found: [], fields: [] }, []).querySelector('button')).toBeNull();
    render(<Panel model={{ lang: 'en', strings: STRINGS.en, description, state: null, collapsed: false, covered: false, message: '', today: '2026-05-01' }} actions={noop} Guide={Guide} guideActions={guideActions} />, root);
    expect(root.querySelector('section.guide')).toBeNull();
  });
});
