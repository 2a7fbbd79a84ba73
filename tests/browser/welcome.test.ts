import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, type Session } from '../support/harness';

/** The first thing a new user sees: opened by the extension itself on install, in a fresh profile. */
describe('welcome page', () => {
  let session: Session;
  let welcome: Page;
  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
    welcome = await eventually(
      async () => session.context.pages().find((p) => p.url() === `chrome-extension://${session.extensionId}/welcome.html`),
      'the welcome tab opened on install',
    );
    await welcome.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(() => session?.close());

  it('says what Be Civic does and never does, in the browser language', async () => {
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Be Civic');
    const never = await welcome.getByRole('region', { name: 'What Be Civic never does' }).textContent();
    expect(never).toContain('never logs in for you');
    expect(never).toContain('never sends your data anywhere');
    expect(await welcome.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
  });

  it('has no accessibility violations', async () => {
    const { violations } = await new AxeBuilder({ page: welcome }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('switches language from the keyboard, page and document language together', async () => {
    await welcome.getByRole('radio', { name: 'English' }).focus();
    await welcome.keyboard.press('ArrowLeft');
    await expect.poll(() => welcome.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen bei Be Civic');
    await welcome.getByRole('radio', { name: 'Nederlands' }).check();
    await expect.poll(() => welcome.title()).toBe('Welkom bij Be Civic');
    expect(await welcome.getByRole('region', { name: 'Wat Be Civic nooit doet' }).textContent()).toContain('meldt zich nooit voor u aan');
    const { violations } = await new AxeBuilder({ page: welcome }).analyze();
    expect(violations).toEqual([]);
  });

  it('remembers the chosen language for the next visit', async () => {
    await welcome.reload();
    await welcome.getByRole('heading', { level: 1, name: 'Welkom bij Be Civic' }).waitFor();
    expect(await welcome.getByRole('radio', { name: 'Nederlands' }).isChecked()).toBe(true);
    expect(await welcome.getByRole('alert').count()).toBe(0);
  });

  it('leads from the start button to the set-up of a first dossier on the dashboard', async () => {
    await welcome.getByRole('radio', { name: 'Français' }).check();
    await welcome.getByRole('link', { name: 'Commencer mon premier dossier' }).click();
    await welcome.waitForURL(`chrome-extension://${session.extensionId}/dashboard.html#setup`);
    // The dashboard opens on the set-up, in the language chosen here.
    await welcome.getByRole('heading', { level: 1, name: 'Créer un dossier' }).waitFor();
  });

  it('opened one welcome tab only, and nothing reached the network', async () => {
    const welcomes = session.context.pages().filter((p) => p.url().endsWith('/welcome.html'));
    expect(welcomes).toHaveLength(0);
    expect(session.stray).toEqual([]);
  });
});
