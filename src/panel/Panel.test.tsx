import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageDescription, PageState, Shown } from '../model/views';
import { Panel, masked } from './Panel';
import type { PanelActions, PanelModel } from './types';
import { PANEL_STRINGS as STRINGS } from '../i18n/panel';
import { ERROR_TEXTS } from '../i18n/errors';

const shown = (text: string, lang: Shown['lang'] = 'en', fallback = false): Shown => ({ text, lang, fallback });

const description: PageDescription = {
  page: 'irisbox-certificate',
  pageTitle: shown('IRISbox: certificate request'),
  portal: 'irisbox',
  portalName: shown('IRISbox'),
  role: 'service',
  artefacts: [
    {
      id: 'birth-certificate',
      title: shown('Copie d’acte de naissance', 'fr', true),
      sources: [
        { id: 'irisbox', label: shown('IRISbox'), kind: 'online-request', agentDoes: shown('I show the form.'), userDoes: shown('Fill it in.'), toResume: shown('Come back.'), confirmedByUser: false },
      ],
    },
    {
      id: 'household',
      title: shown('Household composition'),
      sources: [{ id: 'irisbox', label: shown('IRISbox'), kind: 'online-request', agentDoes: shown('A'), userDoes: shown('B'), toResume: shown('C'), confirmedByUser: true }],
    },
  ],
  capture: [
    { id: 'reference', label: shown('Request number'), kind: 'reference' },
    { id: 'nrn', label: shown('National register number'), kind: 'national-register-number' },
    { id: 'pdf', label: shown('The document (PDF)'), kind: 'document' },
  ],
};

const state: PageState = {
  lang: 'en',
  collapsed: false,
  hasDossiers: true,
  dossiers: [
    {
      id: 'd1',
      label: 'Amira',
      procedure: 'nationality-declaration-12bis',
      procedureTitle: shown('Nationality declaration'),
      needs: [
        {
          artefact: 'birth-certificate',
          requirement: shown('Birth record'),
          progress: {
            dossierId: 'd1',
            artefact: 'birth-certificate',
            status: 'requested',
            // As the background sends it: the register number masked already (src/background/pages.ts).
            captured: { reference: { value: '<b>IB-1</b>' }, nrn: { value: '••.••.••-•••.28' } },
            issuedOn: '2026-01-15',
            expiresOn: '2026-07-14',
          },
        },
      ],
    },
  ],
};

const noop: PanelActions = { toggle() {}, setStatus() {}, capture() {}, editCapture() {}, saveCapture() {}, cancelCapture() {}, confirmPending() {}, cancelPending() {}, openSetup() {}, leave() {} };

let root: HTMLElement;
beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  Object.assign(globalThis, { document });
  root = document.getElementById('root') as unknown as HTMLElement;
});

function draw(model: Partial<PanelModel>): HTMLElement {
  render(<Panel model={{ lang: 'en', strings: STRINGS.en, description, state, collapsed: false, covered: false, message: '', today: '2026-05-01', ...model }} actions={noop} />, root);
  return root;
}

describe('Panel', () => {
  it('shows the selection to capture in an editable field with Save and Cancel, for that field only', () => {
    const field = description.capture[0]!;
    const el = draw({ capture: { dossierId: 'd1', artefact: 'birth-certificate', field, value: 'IB-FORGED-6666' } });
    const forms = el.querySelectorAll('form.confirm-capture');
    expect(forms).toHaveLength(1);
    expect((forms[0]!.querySelector('textarea') as HTMLTextAreaElement).value).toBe('IB-FORGED-6666');
    expect([...forms[0]!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Save', 'Cancel']);
    expect(forms[0]!.closest('div')?.querySelector('dt')?.textContent).toBe('Request number');
  });

  it('asks for a confirmation away from the first press where covering cannot be seen, disabled until armed', () => {
    const el = draw({ pending: { key: 'k', label: 'Obtained', armed: false } });
    const pending = el.querySelector('.pending')!;
    expect(pending.textContent).toContain('Confirm: Obtained');
    expect(pending.closest('.need')).toBeNull();
    expect(pending.querySelector('button.primary')?.getAttribute('aria-disabled')).toBe('true');
    expect(draw({ pending: { key: 'k', label: 'Obtained', armed: true } }).querySelector('.pending button.primary')?.getAttribute('aria-disabled')).toBe('false');
  });

  it('says in the user’s language that the store is read-only, and only then', () => {
    const problem = draw({ lang: 'fr', strings: STRINGS.fr, state: { ...state, lang: 'fr', storageProblem: { code: 'store.unavailable' } } }).querySelector('[data-testid="storage-problem"]');
    expect(problem?.textContent).toBe(`Lecture seule. ${ERROR_TEXTS.fr['store.unavailable']}`);
    expect(draw({}).querySelector('[data-testid="storage-problem"]')).toBeNull();
  });

  it('marks a text shown in another language and says so', () => {
    const el = draw({});
    expect(el.querySelector('span[lang="fr"]')?.textContent).toBe('Copie d’acte de naissance');
    expect(el.textContent).toContain('Some texts are not translated yet and are shown in French.');
    expect(draw({ description: { ...description, artefacts: description.artefacts.slice(1) } }).textContent).not.toContain('not translated yet');
  });

  it('shows the need first with its status pressed, the rest folded, and captured text as text', () => {
    const el = draw({});
    const sections = [...el.querySelectorAll('section[data-artefact]')].map((s) => s.getAttribute('data-artefact'));
    expect(sections).toEqual(['birth-certificate', 'household']);
    expect(el.querySelector('details section')?.getAttribute('data-artefact')).toBe('household');
    expect([...el.querySelectorAll('button[aria-pressed="true"]')].map((b) => b.textContent)).toEqual(['Requested']);
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('<b>IB-1</b>');
    expect(el.textContent).not.toContain('85.07.30');
    expect(el.textContent).toContain('••.••.••-•••.28');
    expect(el.textContent).not.toContain('Capture selection as The document (PDF)');
  });

  it('derives valid or expired from the expiry date', () => {
    expect(draw({ today: '2026-05-01' }).textContent).toContain('Valid until 14 July 2026');
    expect(draw({ today: '2026-08-01' }).textContent).toContain('Expired on 14 July 2026: you need a newer one');
  });

  it('warns about unverified sources only', () => {
    expect(draw({}).querySelectorAll('.unverified')).toHaveLength(1);
  });

  it('without a dossier offers the set-up, and explains a login page', () => {
    const el = draw({ state: { ...state, dossiers: [], hasDossiers: false }, description: { ...description, role: 'login', explains: shown('This is CSAM.') } });
    expect(el.textContent).toContain('You have no dossier yet');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toContain('Set up a dossier');
    expect(el.querySelector('h3')?.textContent).toBe('About logging in');
    expect(el.textContent).toContain('This is CSAM.');
  });

  it('with dossiers that do not need the page, says so without the set-up, and what they need instead here', () => {
    const el = draw({ state: { ...state, dossiers: [], hasDossiers: true, instead: [{ dossierId: 'd', dossierLabel: 'Amira', documents: [shown('Household composition')] }] } });
    expect(el.textContent).toContain('None of your dossiers needs this page.');
    expect(el.textContent).toContain('Amira needs: Household composition');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Set up a dossier');
  });

  it('tells a dossier of another commune where its own commune issues the document', () => {
    const other = { ...state.dossiers[0]!, needs: [], otherCommune: { home: shown('Auderghem'), documents: [shown('Residence certificate')], places: [{ label: shown('IRISbox'), url: 'https://irisbox.irisnet.be/' }] } };
    const el = draw({ state: { ...state, dossiers: [other], siteCommune: shown('La Louvière') } });
    expect(el.textContent).toContain('This is La Louvière’s own site');
    expect(el.textContent).toContain('lives in Auderghem: this site is not for Auderghem’s residents. Auderghem issues Residence certificate here:');
    expect(el.textContent).toContain('IRISbox — https://irisbox.irisnet.be/');
    expect(el.querySelector('.need')).toBeNull();
  });

  it('pauses its buttons while covered, and collapses to a single tab', () => {
    expect([...draw({ covered: true }).querySelectorAll('.statuses button')].every((b) => b.getAttribute('aria-disabled') === 'true')).toBe(true);
    const tab = draw({ collapsed: true });
    expect([...tab.querySelectorAll('button')].map((b) => [b.textContent, b.getAttribute('aria-expanded')])).toEqual([['Show Be Civic', 'false']]);
    expect(tab.querySelector('aside')?.getAttribute('aria-label')).toBe('Be Civic');
  });
});

describe('masked', () => {
  it('hides all but the last two digits of a national register number, and nothing else', () => {
    expect(masked('national-register-number', '85073003328')).toBe('••.••.••-•••.28');
    expect(masked('reference', '85073003328')).toBe('85073003328');
  });
});
