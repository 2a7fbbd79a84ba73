import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';
import { axePanel, hostCount, panelReady } from './panel-support';

describe('the panel on portal pages', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
  });
  afterAll(() => session?.close());

  it('my.belgium.be: a named landmark saying which page this is and what it serves', async () => {
    const page = await session.open('https://my.belgium.be/fr');
    const view = await panelReady(page);
    console.log(view);
    expect(view).toMatchObject({ role: 'complementary', label: 'Be Civic', page: 'my-belgium-home' });
    expect(await hostCount(page)).toBe(1);
    console.log(await axePanel(page));
  });
});
