/**
 * Visits that are right, on the REAL catalog (issue 15): only visits the user books get booking
 * channels, an invitation and a walk-in say so; a desk refusing an incomplete file gets the whole file,
 * alternatives on one line, an expired or soon-expiring paper is never ready and the refusal warning
 * stays until everything is there; a procedure abroad is booked with its consulate on its platform; a
 * saved appointment shows on its visit. Also: the booking platforms and who uses them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { summarise } from '../../src/dossier/summary';
import type { Answers } from '../../src/dossier/requirements';
import type { Appointment, Dossier, Progress, Status } from '../../src/model/data';
import type { VisitView } from '../../src/dossier/visits';

const ROOT = resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-23';
const dossierOf = (procedure: string, answers: Answers, extra: Partial<Dossier> = {}): Dossier => ({
  id: 'd',
  procedure,
  label: 'Me',
  answers,
  choices: {},
  lang: 'en',
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});
const held = (artefact: string, status: Status = 'obtained', dates: Partial<Progress> = {}): Progress => ({ dossierId: 'd', artefact, status, captured: {}, attachments: [], updatedAt: 1, ...dates }) as Progress;
const visitsOf = (d: Dossier, progress: Progress[] = [], appointments: Appointment[] = []) =>
  summarise({ catalog, dossier: d, progress, appointments, lang: 'en', today: TODAY }).visits;
const visit = (visits: VisitView[], id: string) => visits.find((v) => v.id === id)!;

describe('EU registration (annex 19) in Auderghem, an employee', () => {
  const d = dossierOf('eu-registration-annex-19', { 'eu-status': 'employee', applicants: 1 }, { commune: 'auderghem' });

  it('first appointment: the whole file, the employment proof on one line with its alternatives', () => {
    const first = visit(visitsOf(d), 'first-appointment');
    const lines = first.bring.map((b) => b.artefact);
    expect(lines).toEqual(expect.arrayContaining(['national-passport-or-id', 'employment-contract', 'identity-photo']));
    const work = first.bring.find((b) => b.artefact === 'employment-contract')!;
    expect(work.or).toEqual(["Employer's declaration of engagement", 'Employment certificate (annex 19bis)']);
    expect(lines).not.toContain('engagement-declaration');
    expect(first.refusedIfBookedNow).toBe(true);
    expect(first.booking.from).toBe('commune');
  });

  it('an expired or soon-expiring photo is never ready, and the warning stays until the file is complete', () => {
    const all = (photo: Partial<Progress>) => {
      const first = visit(visitsOf(d), 'first-appointment');
      return first.bring.map((b) => held(b.artefact, 'obtained', b.artefact === 'identity-photo' ? photo : {}));
    };
    const old = visit(visitsOf(d, all({ issuedOn: '2025-01-10' })), 'first-appointment');
    const photo = old.bring.find((b) => b.artefact === 'identity-photo')!;
    expect(photo).toMatchObject({ ready: false, validity: 'expired' });
    expect(old.missing.map((b) => b.artefact)).toEqual(['identity-photo']);
    expect(old.refusedIfBookedNow).toBe(true);
    const soon = visit(visitsOf(d, all({ expiresOn: '2026-12-01' })), 'first-appointment');
    expect(soon.bring.find((b) => b.artefact === 'identity-photo')).toMatchObject({ ready: false, validity: 'expiring' });
    const fresh = visit(visitsOf(d, all({ issuedOn: '2026-11-01' })), 'first-appointment');
    expect(fresh.missing).toEqual([]);
    expect(fresh.refusedIfBookedNow).toBe(false);
  });

  it('an alternative held makes the line ready', () => {
    const first = visit(visitsOf(d, [held('annex-19bis-work-certificate')]), 'first-appointment');
    expect(first.bring.find((b) => b.artefact === 'employment-contract')?.ready).toBe(true);
  });

  it('the second appointment is by invitation and the collection a walk-in: neither is booked online', () => {
    const visits = visitsOf(d);
    expect(visit(visits, 'second-appointment').booking).toEqual({ from: 'invitation' });
    const walkIn = visit(visits, 'collection').booking;
    expect(walkIn.from).toBe('walk-in');
    expect(walkIn.from === 'walk-in' && walkIn.channels.map((c) => c.kind)).toEqual(['walk-in']);
    expect(JSON.stringify(visit(visits, 'collection'))).not.toContain('MIGRATIE');
  });

  it('Auderghem books on covservices, seen over http only: no link, the not-encrypted notice, no guidance in the page', () => {
    const first = visit(visitsOf(d), 'first-appointment');
    const online = first.booking.from === 'commune' ? first.booking.channels.find((c) => c.kind === 'online')! : undefined;
    expect(online).toMatchObject({ notEncrypted: true, platform: { id: 'covservices', inPage: false } });
    expect(online?.href).toBeUndefined();
    expect(online?.choose).toContain('MIGRATIE - 1ste registratie in België');
  });

  it('a saved appointment shows on its visit only', () => {
    const appointment: Appointment = { id: 'a', dossierId: 'd', visit: 'first-appointment', service: 'MIGRATIE', start: '2026-12-03T09:05', createdAt: 1 };
    const visits = visitsOf(d, [], [appointment]);
    expect(visit(visits, 'first-appointment').appointments.map((a) => a.id)).toEqual(['a']);
    expect(visit(visits, 'second-appointment').appointments).toEqual([]);
  });
});

describe('the 12bis declaration', () => {
  it('files the whole file at the civil-status desk, booked with the commune', () => {
    const visits = visitsOf(dossierOf('nationality-declaration-12bis', { 'years-legal-residence': 6, 'born-in-belgium': false }, { commune: 'antwerpen' }));
    const file = visit(visits, 'file-declaration');
    expect(file.bring.length).toBeGreaterThan(3);
    expect(file.booking.from).toBe('commune');
    const form = file.booking.from === 'commune' ? file.booking.channels.find((c) => c.kind === 'request-form') : undefined;
    expect(form?.choose).toMatch(/online nationality request form/);
  });
  it('says plainly when the commune’s way of booking is not known', () => {
    const file = visit(visitsOf(dossierOf('nationality-declaration-12bis', {}, { commune: 'jette' })), 'file-declaration');
    expect(file.booking).toMatchObject({ from: 'unknown', name: 'Jette' });
  });
});

describe('eID at the Luxembourg consulate (no commune)', () => {
  const visits = visitsOf(dossierOf('eid-abroad-luxembourg', { 'previous-card': 'have-it' }));
  it('shows both visits, each booked with the consulate on E-Appointment, unverified for this post', () => {
    expect(visits.map((v) => v.id)).toEqual(['apply', 'collect']);
    for (const v of visits) {
      expect(v.booking.from).toBe('authority');
      if (v.booking.from !== 'authority') continue;
      expect(v.booking.name).toBe('Consulate general of Belgium in Luxembourg');
      expect(v.booking.channels[0]).toMatchObject({ platform: { id: 'fps-e-appointment', inPage: true }, unverified: true, chooseUnverified: true });
    }
    const [apply, collect] = visits.map((v) => (v.booking.from === 'authority' ? v.booking.channels[0]!.choose : ''));
    expect(apply).toContain('eID application');
    expect(collect).toContain('Pick-up of processed documents');
    expect(visits[0]!.bring.map((b) => b.artefact)).toContain('residence-certificate-luxembourg');
  });
});

describe('booking platforms and who books on them', () => {
  const platforms = catalog.platforms ?? [];
  const uses = (platform: string) => [...catalog.communes, ...(catalog.consulates ?? [])].filter((o) => o.booking.some((c) => c.platform === platform)).map((o) => o.id).sort();
  it('describes the platforms with evidence, each once', () => {
    expect(platforms.map((p) => p.id)).toEqual(['afspraken-stad', 'covservices', 'fps-e-appointment', 'imio-rendez-vous', 'irisbox-appointments', 'mybxl']);
    expect(uses('irisbox-appointments')).toEqual(['forest', 'saint-gilles']);
    expect(uses('afspraken-stad')).toEqual(['antwerpen', 'brugge']);
    expect(uses('fps-e-appointment')).toEqual(['belgium-in-luxembourg']);
    expect(uses('covservices')).toEqual(['auderghem']);
    // No commune was seen booking on iMio's form: Waterloo's channel is the tested tenant, unverified.
    expect(uses('imio-rendez-vous')).toEqual(['waterloo']);
    const waterloo = catalog.communes.find((c) => c.id === 'waterloo')!.booking.find((c) => c.platform === 'imio-rendez-vous')!;
    expect(waterloo.unverified).toBe(true);
    expect(waterloo.services.every((s) => s.unverified)).toBe(true);
    // Only https platforms with known steps are guided in the page; the http-only one never is.
    expect(platforms.filter((p) => p.in_page).map((p) => p.id)).toEqual(['fps-e-appointment', 'imio-rendez-vous']);
    expect(platforms.find((p) => p.id === 'covservices')).toMatchObject({ scheme: 'http', in_page: false });
  });
  it('gives the 19 Brussels communes and the ten largest cities a booking channel or an empty list (unknown)', () => {
    const top10 = ['antwerpen', 'gent', 'charleroi', 'liege', 'bruxelles', 'schaerbeek', 'anderlecht', 'brugge', 'namur', 'leuven'];
    const covered = catalog.communes.filter((c) => c.region === 'brussels' || top10.includes(c.id));
    expect(covered).toHaveLength(26);
    const unknown = covered.filter((c) => c.booking.length === 0).map((c) => c.id).sort();
    expect(unknown).toEqual(['berchem-sainte-agathe', 'etterbeek', 'evere', 'jette', 'koekelberg', 'liege', 'molenbeek-saint-jean', 'saint-josse-ten-noode']);
    for (const c of covered) for (const ch of c.booking) expect(ch.evidence.length + c.provenance.length, c.id).toBeGreaterThan(0);
  });
  it('the iMio fixture is the single-agenda form: its pages and the filed request’s status, as the platform heads its steps', () => {
    const imio = platforms.find((p) => p.id === 'imio-rendez-vous')!;
    const html = readFileSync(join(ROOT, imio.fixture!), 'utf8');
    expect(html).toMatch(/démonstration/);
    // The section and number-of-people pages belong to the package's other variants.
    const shown = imio.steps.filter((step) => html.includes(step.headings!.fr!)).map((s) => s.id);
    expect(shown).toEqual(['contact', 'type', 'slot', 'confirmation']);
    expect(imio.steps.filter((s) => s.service).map((s) => s.id)).toEqual(['type']);
  });
});
