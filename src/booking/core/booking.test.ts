import { describe, expect, it } from 'vitest';
import { parseAppointmentText, readConfirmation, withoutForeignPlace } from './parse';
import { appointmentMail, mailLanguage } from './mail';
import { reminderAt, reminderText } from './reminder';
import { DEFAULT_SETTINGS } from '../../model/data';

describe('readConfirmation', () => {
  it('proposes date, time, place and booking code from a confirmation page', () => {
    const nl = 'Bevestiging Uw afspraak is bevestigd: dinsdag 3 maart 2026 om 9:05. Gemeentehuis Oudergem, Emile Idiersstraat 12, 1160 Oudergem. Bevestigingscode: K7Q2ZP';
    expect(readConfirmation(nl)).toEqual({ date: '2026-03-03', time: '09:05', place: 'Gemeentehuis Oudergem, Emile Idiersstraat 12, 1160 Oudergem', reference: 'K7Q2ZP' });
    const fr = 'Votre rendez-vous du 12/05/2026 à 14h30 est confirmé. Référence : RDV-2026-118. Adresse : Place de la Commune 1, 1050 Ixelles.';
    expect(readConfirmation(fr)).toEqual({ date: '2026-05-12', time: '14:30', place: 'Place de la Commune 1, 1050 Ixelles', reference: 'RDV-2026-118' });
  });
  it('leaves out what the text does not give (a word after "code" is not a code)', () => {
    expect(readConfirmation('Your code will be sent by e-mail. Appointment on March 4, 2026 at 10:15.')).toEqual({ date: '2026-03-04', time: '10:15' });
    expect(readConfirmation('Merci pour votre visite')).toEqual({});
  });
  it('reads a tracking code named as such, capitals with or without digits', () => {
    const text = 'En attente du rendez-vous. Choisissez une plage horaire : mardi 3 mars 2026 09:05. Code de suivi : RDVKXJQT';
    expect(readConfirmation(text)).toEqual({ date: '2026-03-03', time: '09:05', reference: 'RDVKXJQT' });
    expect(readConfirmation('Code de suivi : en cours')).toEqual({});
  });
  it('proposes a place only where the platform’s confirmation gives one: a summary’s home address is not it', () => {
    const reading = readConfirmation('Rue de la Station 1, 1410 Waterloo. Rendez-vous le 3 mars 2026 à 9:05. Code de suivi : RDVKXJQT');
    expect(reading.place).toBe('Rue de la Station 1, 1410 Waterloo');
    expect(withoutForeignPlace(reading, ['date', 'time', 'code'])).toEqual({ date: '2026-03-03', time: '09:05', reference: 'RDVKXJQT' });
    expect(withoutForeignPlace(reading, ['date', 'time', 'place'])).toEqual(reading);
  });
});

describe('parseAppointmentText', () => {
  it.each([
    ['Votre rendez-vous est confirmé le 12/03/2026 à 10h30.', { date: '2026-03-12', time: '10:30' }],
    ['Uw afspraak: dinsdag 3 maart 2026 om 9:05', { date: '2026-03-03', time: '09:05' }],
    ['Ihr Termin: Dienstag, 12. März 2026 um 14:00 Uhr', { date: '2026-03-12', time: '14:00' }],
    ['Appointment on March 2, 2026 at 08:15', { date: '2026-03-02', time: '08:15' }],
    ['Le 1er août 2026 à 9h', { date: '2026-08-01', time: '09:00' }],
    ['2026-11-30 13:45', { date: '2026-11-30', time: '13:45' }],
    ['mercredi 2 décembre 2026', { date: '2026-12-02' }],
  ])('reads %s', (text, expected) => {
    expect(parseAppointmentText(text)).toEqual(expected);
  });
  it('refuses days that do not exist and texts without a date', () => {
    expect(parseAppointmentText('le 31/02/2026 à 10:00')).toBeUndefined();
    expect(parseAppointmentText('Merci pour votre visite')).toBeUndefined();
  });
});

describe('appointmentMail', () => {
  const req = { to: 'etrangers@auderghem.brussels', communeLanguages: ['fr', 'nl'] as const, applicant: 'Łukasz Wałęsa', birthDate: '1990-04-07', reason: 'attestation d’enregistrement (annexe 19)' };
  it('writes in the user’s language when the commune uses it, else in the commune’s first language', () => {
    expect(mailLanguage(['fr', 'nl'], 'nl')).toBe('nl');
    expect(mailLanguage(['fr', 'nl'], 'en')).toBe('fr');
    expect(mailLanguage(['de'], 'fr')).toBe('de');
  });
  it('pre-fills name, birth date and reason in a mailto link that round-trips', () => {
    const mail = appointmentMail({ ...req, userLang: 'en' });
    expect(mail.lang).toBe('fr');
    expect(mail.href.startsWith('mailto:etrangers@auderghem.brussels?subject=')).toBe(true);
    const url = new URL(mail.href);
    expect(url.searchParams.get('subject')).toBe('Demande de rendez-vous : attestation d’enregistrement (annexe 19)');
    expect(url.searchParams.get('body')).toContain('Nom : Łukasz Wałęsa\nDate de naissance : 07/04/1990');
  });
});

describe('reminders', () => {
  it('fires the evening before, or at once when booked later than that', () => {
    const now = new Date(2026, 2, 1, 12, 0).getTime();
    expect(reminderAt('2026-03-12T10:30', now)).toBe(new Date(2026, 2, 11, 18, 0).getTime());
    const late = new Date(2026, 2, 11, 20, 0).getTime();
    expect(reminderAt('2026-03-12T10:30', late)).toBe(late + 60_000);
    expect(reminderAt('2026-03-12T10:30', new Date(2026, 2, 12, 11, 0).getTime())).toBeUndefined();
    expect(reminderAt('tomorrow', now)).toBeUndefined();
  });
  it('lists the papers and flags the missing ones', () => {
    const text = reminderText('fr', { start: '2026-03-12T10:30', service: 'Service des Étrangers', place: '12 rue Emile Idiers' }, [
      { title: 'Passeport', ready: true },
      { title: 'Bail', ready: false },
    ], false);
    expect(text.title).toBe('Rendez-vous demain : 10:30 · Service des Étrangers');
    expect(text.message.split('\n')).toEqual(['12 rue Emile Idiers', 'À apporter:', '• Passeport', '• Bail (encore manquant)']);
  });
  it('discreet (the default setting): the time only, in every language, nothing of the procedure, place or papers', () => {
    const appointment = { start: '2026-03-12T10:30', service: 'Service des Étrangers', place: '12 rue Emile Idiers' };
    for (const lang of ['fr', 'nl', 'de', 'en'] as const) {
      const text = reminderText(lang, appointment, [{ title: 'Attestation CGRA', ready: false }], true);
      const words = `${text.title}\n${text.message}`;
      expect(words).toContain('10:30');
      for (const secret of ['Étrangers', 'Idiers', 'CGRA']) expect(words, `${lang}: ${secret}`).not.toContain(secret);
    }
    expect(reminderText('fr', appointment, [], true)).toEqual({ title: 'Rendez-vous demain à 10:30', message: 'Ouvrez Be Civic pour voir où, et quoi apporter.' });
    expect(DEFAULT_SETTINGS.discreetNotifications).toBe(true);
  });
});
