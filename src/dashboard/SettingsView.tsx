/**
 * Settings: the interface language, keeping the national register number (opt-in), reminders (discreet
 * by default), backup export and import, storage used, and wiping everything after a typed confirmation.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import type { ResponseOf } from '../messaging/protocol';
import { LanguageSelect } from './LanguageSelect';
import { DiscreetToggle, RemindersToggle } from './Reminders';
import { useDashboard } from './context';
import { fetchBackup, restoreBackup } from './backup';
import { saveFile } from './files';
import { formatBytes } from '../i18n/format';

export function SettingsView({ onChanged }: { onChanged: () => void }) {
  const { t, lang, settings, act } = useDashboard();
  const [estimate, setEstimate] = useState<ResponseOf<'storage:estimate'> | undefined>();
  const [typed, setTyped] = useState('');
  // A backup with large files takes seconds each way: say so, and start no second one meanwhile.
  const [moving, setMoving] = useState(false);
  const moveBackup = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setMoving(true);
    try {
      return await act(work);
    } finally {
      setMoving(false);
    }
  };
  // The box shows the user's click at once; every re-read of the settings (after the save, or after a
  // refusal) puts it back in line with what is stored, so a slow save never flicks it back meanwhile.
  const [keepNrn, setKeepNrn] = useState(settings.keepNationalRegisterNumber);
  useEffect(() => setKeepNrn(settings.keepNationalRegisterNumber), [settings]);
  useEffect(() => {
    // A read: no need to go through act, which re-reads every dossier after a change.
    send('storage:estimate', {}).then(setEstimate, () => setEstimate({ usage: null, quota: null, persisted: null }));
  }, [settings]);

  const usage =
    estimate?.usage == null
      ? t.storageUnknown
      : estimate.quota == null
        ? formatBytes(estimate.usage, lang)
        : t.storageOf(formatBytes(estimate.usage, lang), formatBytes(estimate.quota, lang));

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t.settings}</h1>

      <div class="field">
        <label for="settings-lang">{t.language}</label>
        <LanguageSelect id="settings-lang" value={lang} onChange={(l) => act(() => send('settings:update', { lang: l }), undefined)} />
      </div>

      <div class="field check">
        <input
          id="settings-nrn"
          type="checkbox"
          checked={keepNrn}
          onChange={(e) => {
            const keep = e.currentTarget.checked;
            setKeepNrn(keep);
            void act(() => send('settings:update', { keepNationalRegisterNumber: keep }), t.saved);
          }}
        />
        <label for="settings-nrn">{t.keepNationalNumber}</label>
      </div>
      <RemindersToggle id="settings-reminders" />
      <DiscreetToggle id="settings-discreet" />

      <h2>{t.backup}</h2>
      <button
        type="button"
        disabled={moving}
        onClick={() =>
          moveBackup(async () => {
            const { file, filename } = await fetchBackup();
            saveFile(file, filename, 'application/json');
          })
        }
      >
        {t.backupExport}
      </button>
      <div class="field">
        <label for="settings-import">{t.backupImport}</label>
        <input
          id="settings-import"
          type="file"
          accept="application/json,.json"
          disabled={moving}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            const counts = await moveBackup(() => restoreBackup(file));
            input.value = '';
            if (counts) {
              await act(async () => counts, t.backupImported(counts.dossiers));
              onChanged();
            }
          }}
        />
      </div>
      {moving && <p class="help">{t.backupWorking}</p>}

      <h2>{t.storage}</h2>
      <p data-testid="storage">{usage}</p>

      <h2>{t.wipe}</h2>
      <p>{t.wipeExplain}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (typed.trim().toUpperCase() !== t.wipeWord) return;
          const done = await act(() => send('data:wipe', { confirm: true }).then(() => true), t.wipeDone);
          if (done) {
            setTyped('');
            onChanged();
          }
        }}
      >
        <div class="field">
          <label for="settings-wipe">{t.wipeConfirmLabel}</label>
          <input id="settings-wipe" type="text" autocomplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <button type="submit" class="danger" disabled={typed.trim().toUpperCase() !== t.wipeWord}>
          {t.wipe}
        </button>
      </form>
    </section>
  );
}
