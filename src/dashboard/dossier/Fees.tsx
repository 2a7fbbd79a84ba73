/**
 * The fees of the procedure in the dossier's commune, each once, with where its amount comes from, the
 * per-person amount times the applicants where a fee is per person, and a total that says "exact" only
 * when it is.
 */
import { localise } from '../../i18n';
import type { DossierSummary } from '../../dossier/summary';
import { useDashboard } from '../context';
import { describePerPerson, feeAmount, feeBasis, feeTotalBasis } from '../../dossier/describe';

export function Fees({ summary }: { summary: DossierSummary }) {
  const { t, lang } = useDashboard();
  const { fees } = summary;
  if (fees.lines.length === 0) return null;
  return (
    <section aria-labelledby="fees-title">
      <h2 id="fees-title">{t.fees}</h2>
      <table class="fees">
        <tbody>
          {fees.lines.map((line) => (
            <tr key={line.id} data-fee={line.id} data-basis={line.basis}>
              <th scope="row">{localise(line.label, lang).text}</th>
              <td>
                {feeAmount(line, lang)}
                {line.perPerson && <p class="help">{describePerPerson(line, lang)}</p>}
              </td>
              <td class="muted">
                {feeBasis(line, lang)}
                {line.note && <p class="help">{localise(line.note, lang).text}</p>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.feeTotal}</th>
            <td data-testid="fee-total">{feeAmount(fees, lang)}</td>
            <td class="muted">{feeTotalBasis(fees, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
