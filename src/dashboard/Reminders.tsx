/**
 * The reminders switch. Reminders are browser notifications, an optional permission: it is asked for
 * here, in the user's click (browsers show the prompt only during a user action), and given back when
 * the user turns reminders off. The box shows what holds now — the setting and the permission — since
 * the user can also withdraw the permission in the browser's own settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import { Refusal, useDashboard } from './context';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

export function RemindersToggle({ id }: { id: string }) {
  const { t, settings, act } = useDashboard();
  const [on, setOn] = useState(false);
  useEffect(() => {
    browser.permissions.contains(NOTIFICATIONS).then(
      (granted) => setOn(granted && settings.notifications),
      () => setOn(false),
    );
  }, [settings]);

  const change = (want: boolean) => {
    // Asked before anything is awaited: after an await the click no longer counts as the user's action.
    const asked = want ? browser.permissions.request(NOTIFICATIONS) : browser.permissions.remove(NOTIFICATIONS).then(() => false);
    setOn(want);
    // Saving the setting re-reads the settings, which puts the box back in line with what holds.
    void act(async () => {
      const granted = await asked;
      await send('settings:update', { notifications: granted });
      if (want && !granted) throw new Refusal(t.remindersRefused);
    }, want ? t.remindersOn : t.remindersOff);
  };

  return (
    <>
      <div class="field check">
        <input id={id} type="checkbox" checked={on} aria-describedby={`${id}-help`} onChange={(e) => change(e.currentTarget.checked)} />
        <label for={id}>{t.reminders}</label>
      </div>
      <p id={`${id}-help`} class="help">
        {t.remindersHelp}
      </p>
    </>
  );
}

/**
 * Discreet reminders (on unless the user turns them off): the notification says the time only, since
 * a locked screen shows it to anyone, and the procedure or the papers say who the user is.
 */
export function DiscreetToggle({ id }: { id: string }) {
  const { t, settings, act } = useDashboard();
  // Shown as clicked at once; each re-read of the settings puts it back in line with what is stored.
  const [discreet, setDiscreet] = useState(settings.discreetNotifications !== false);
  useEffect(() => setDiscreet(settings.discreetNotifications !== false), [settings]);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={discreet}
        onChange={(e) => {
          const want = e.currentTarget.checked;
          setDiscreet(want);
          void act(() => send('settings:update', { discreetNotifications: want }), want ? t.discreetOn : t.discreetOff);
        }}
      />
      <label for={id}>{t.discreet}</label>
    </div>
  );
}
