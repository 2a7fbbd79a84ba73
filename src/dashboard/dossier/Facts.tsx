/** The dossier's facts: commune, language, country of issue, planned submission date, and the national register number where the user allowed it (always masked). */
import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { countryName } from '../../dossier/countries';
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { languageName } from '../../i18n/format';

export function Facts({ summary }: { summary: DossierSummary }) {
  const { t, lang, act, settings } = useDashboard();
  const { dossier } = summary;
  const [nrn, setNrn] = useState('');
  const [nrnProblem, setNrnProblem] = useState<string | undefined>();
  return (
    <dl class="facts">
      {summary.communeName && (
        <div>
          <dt>{t.commune}</dt>
          <dd>{summary.communeName}</dd>
        </div>
      )}
      <div>
        <dt>{t.dossierLang}</dt>
        <dd>{languageName(dossier.lang, lang)}</dd>
      </div>
      {dossier.countryOfIssue && (
        <div>
          <dt>{t.countryOfIssue}</dt>
          <dd>{countryName(dossier.countryOfIssue, lang)}</dd>
        </div>
      )}
      <div>
        <dt>
          <label for="planned">{t.plannedSubmission}</label>
        </dt>
        <dd>
          <input
            id="planned"
            type="date"
            value={dossier.plannedSubmission ?? ''}
            onChange={(e) => {
              const day = e.currentTarget.value;
              void act(() => send('dossier:update', day ? { id: dossier.id, patch: { plannedSubmission: day } } : { id: dossier.id, patch: {}, clear: ['plannedSubmission'] }), t.saved);
            }}
          />
        </dd>
      </div>
      {(settings.keepNationalRegisterNumber || dossier.nationalRegisterNumber) && (
        <div>
          <dt>
            <label for="nrn">{t.nationalNumber}</label>
          </dt>
          <dd>
            {summary.nationalRegisterNumber && (
              <>
                <span class="masked" data-testid="nrn">
                  {summary.nationalRegisterNumber}
                </span>{' '}
                <button type="button" onClick={() => act(() => send('dossier:update', { id: dossier.id, patch: {}, clear: ['nationalRegisterNumber'] }), t.saved)}>
                  {t.remove} <span class="sr-only">{t.nationalNumber}</span>
                </button>
              </>
            )}
            {settings.keepNationalRegisterNumber && (
              <form
                class="inline"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const digits = nrn.replace(/\D/g, '');
                  if (digits.length !== 11) return setNrnProblem(t.nationalNumberInvalid);
                  setNrnProblem(undefined);
                  const saved = await act(() => send('dossier:update', { id: dossier.id, patch: { nationalRegisterNumber: digits } }), t.saved);
                  if (saved) setNrn('');
                }}
              >
                <input id="nrn" type="password" inputMode="numeric" autocomplete="off" aria-describedby="nrn-help" value={nrn} onInput={(e) => setNrn(e.currentTarget.value)} />
                <button type="submit">{t.save}</button>
                <p id="nrn-help" class="help">
                  {t.nationalNumberHelp}
                </p>
                {nrnProblem && (
                  <p role="alert" class="error">
                    {nrnProblem}
                  </p>
                )}
              </form>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
