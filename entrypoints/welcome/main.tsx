/**
 * The page a new user sees on install: what Be Civic does and never does, a language choice, and the
 * way into a first dossier. It is the first promise the extension makes, so it says only what the
 * code keeps (see src/i18n/welcome.ts).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { pickLang } from '../../src/i18n';
import { LANGS, type Lang } from '../../src/model/lang';
import { send } from '../../src/messaging/client';
import { SETUP_PATH } from '../../src/welcome/install';
import { WELCOME } from '../../src/i18n/welcome';
import { ownLanguageName } from '../../src/i18n/format';
import { errorText } from '../../src/i18n/errors';
import './welcome.css';

function Welcome({ initial }: { initial: Lang }) {
  const [lang, setLang] = useState<Lang>(initial);
  const [saveError, setSaveError] = useState<string | undefined>();
  const t = WELCOME[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.pageTitle;
  }, [lang, t]);

  function choose(next: Lang) {
    setLang(next);
    setSaveError(undefined);
    send('settings:update', { lang: next }).catch((error: unknown) => setSaveError(errorText(error, next)));
  }

  return (
    <main>
      <h1>{t.heading}</h1>
      <p class="intro">{t.intro}</p>

      <fieldset class="languages">
        <legend>{t.languageLegend}</legend>
        {LANGS.map((code) => (
          <label key={code} lang={code}>
            <input type="radio" name="lang" value={code} checked={code === lang} onChange={() => choose(code)} />
            {ownLanguageName(code)}
          </label>
        ))}
      </fieldset>
      {saveError && (
        <p role="alert" class="error">
          {t.languageSaveFailed} {saveError}
        </p>
      )}

      <section aria-labelledby="does">
        <h2 id="does">{t.doesHeading}</h2>
        <ul>
          {t.does.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="never">
        <h2 id="never">{t.neverHeading}</h2>
        <ul class="never">
          {t.never.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start">
        <h2 id="start">{t.startHeading}</h2>
        <p>{t.startIntro}</p>
        <a class="start" href={SETUP_PATH}>
          {t.start}
        </a>
        <p class="later">{t.later}</p>
      </section>
    </main>
  );
}

/** The saved language if the user chose one before, else the browser's. */
async function initialLang(): Promise<Lang> {
  const fromBrowser = pickLang(navigator.languages);
  try {
    return (await send('settings:get', {})).lang ?? fromBrowser;
  } catch {
    return fromBrowser;
  }
}

void initialLang().then((lang) => render(<Welcome initial={lang} />, document.getElementById('app')!));
