/**
 * One document of the checklist as the user works on it: status, the source used, date of issue and
 * validity (expired or soon-expiring documents stand out), captured values, the next step with a link to
 * the portal page that serves it, notes and attachments. What the checklist says about the document
 * (what it proves, the pre-step…) comes in as children.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { STATUSES, type Dossier, type Status } from '../../model/data';
import type { ItemView } from '../../dossier/summary';
import { useDashboard } from '../context';
import { describeValidity } from '../../dossier/describe';
import { base64ToBytes } from '../../model/base64';
import { refuse } from '../../model/errors';
import { readAsBase64, saveFile } from '../files';
import { formatBytes, formatDay } from '../../i18n/format';
import { DateInput } from '../DateInput';

/** attachment:add carries at most 14,000,000 base64 characters, i.e. about 10 MB of file. */
const MAX_ATTACHMENT_BYTES = Math.floor((14_000_000 / 4) * 3);

export function DocumentCard({ item, dossier, children }: { item: ItemView; dossier: Dossier; children?: ComponentChildren }) {
  const { t, lang, act } = useDashboard();
  const [notes, setNotes] = useState(item.notes ?? '');
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const ref = { dossierId: dossier.id, artefact: item.artefact };
  const base = `doc-${item.artefact}`;
  const stale = item.validity && item.validity.state !== 'valid' ? item.validity.state : undefined;
  const validity = describeValidity(item, lang);
  const update = (patch: Parameters<typeof send<'progress:update'>>[1]['patch']) => act(() => send('progress:update', { ...ref, patch }), t.saved);

  const attach = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setFileProblem(`${file.name}: ${formatBytes(file.size, lang)} > ${formatBytes(MAX_ATTACHMENT_BYTES, lang)}`);
      input.value = '';
      return;
    }
    setFileProblem(undefined);
    const base64 = await readAsBase64(file);
    await act(() => send('attachment:add', { ...ref, name: file.name.slice(0, 300), type: (file.type || 'application/octet-stream').slice(0, 200), base64 }), t.saved);
    input.value = '';
  };

  return (
    <li id={base} class={`item${stale ? ` ${stale}` : ''}`} data-artefact={item.artefact} data-status={item.status}>
      <h4 id={`${base}-title`}>
        {item.title}
        {item.officialName && <span class="official"> ({item.officialName})</span>}
      </h4>
      {children}
      {stale && validity && (
        <p class="stale" role="note">
          <span aria-hidden="true">⚠ </span>
          <strong>{validity}</strong>
        </p>
      )}
      <div class="row">
        <div class="field">
          <label for={`${base}-status`}>{t.statusLabel}</label>
          <select id={`${base}-status`} value={item.status} onChange={(e) => update({ status: e.currentTarget.value as Status })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
        {item.sources.length > 0 && (
          <div class="field">
            <label for={`${base}-source`}>{t.sourceUsed}</label>
            <select id={`${base}-source`} value={item.sourceLabel ? (item.sources.find((s) => s.label === item.sourceLabel)?.id ?? '') : ''} onChange={(e) => e.currentTarget.value && update({ source: e.currentTarget.value })}>
              <option value="">{t.sourceNone}</option>
              {item.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for={`${base}-issued`}>{t.issuedOn}</label>
          <DateInput id={`${base}-issued`} value={item.issuedOn ?? ''} onDate={(day) => update({ issuedOn: day ?? null })} />
        </div>
      </div>
      {!stale && validity && <p>{validity}</p>}
      {item.validityNote && <p class="help">{item.validityNote}</p>}
      {item.captured.length > 0 && (
        <dl class="captured" aria-label={t.captured}>
          {item.captured.map((c) => (
            <div key={c.field}>
              <dt>{c.label}</dt>
              <dd>{c.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {item.next && (
        <div class="next">
          <p>
            <strong>{t.nextStep}</strong> ({item.next.sourceLabel}): {item.next.text}
          </p>
          {item.next.url && (
            <p>
              <a href={item.next.url} target="_blank" rel="noopener noreferrer">
                {t.openPage(item.next.pageTitle ?? item.next.sourceLabel)}
              </a>
            </p>
          )}
          {item.next.unconfirmed && <p class="help">{t.unconfirmed}</p>}
        </div>
      )}
      <details>
        <summary>
          {t.notes} · {t.attachments} ({item.attachments.length})
        </summary>
        <div class="field">
          <label for={`${base}-notes`}>{t.notes}</label>
          <textarea id={`${base}-notes`} rows={3} maxLength={20_000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          <button type="button" onClick={() => update({ notes })}>
            {t.save}
          </button>
        </div>
        <h5>{t.attachments}</h5>
        {item.attachments.length === 0 ? (
          <p class="muted">{t.noAttachments}</p>
        ) : (
          <ul class="attachments">
            {item.attachments.map((a) => (
              <li key={a.id}>
                {a.name} ({formatBytes(a.size, lang)}, {formatDay(new Date(a.addedAt).toISOString().slice(0, 10), lang)}){' '}
                <button
                  type="button"
                  onClick={() =>
                    act(async () => {
                      const file = await send('attachment:get', { id: a.id });
                      saveFile(base64ToBytes(file.base64) ?? refuse('input.invalid-file'), file.name, file.type);
                    })
                  }
                >
                  {t.download} <span class="sr-only">{a.name}</span>
                </button>{' '}
                <button type="button" onClick={() => act(() => send('attachment:remove', { ...ref, id: a.id }), t.saved)}>
                  {t.remove} <span class="sr-only">{a.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="field">
          <label for={`${base}-file`}>{t.addAttachment}</label>
          <input id={`${base}-file`} type="file" onChange={(e) => void attach(e.currentTarget)} />
          {fileProblem && (
            <p role="alert" class="error">
              {fileProblem}
            </p>
          )}
        </div>
      </details>
    </li>
  );
}
