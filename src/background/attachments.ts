/**
 * Files the user attaches to a document: the bytes in their own store, the metadata in the progress
 * record, both written in one transaction. Bytes travel as base64 because messages are JSON.
 */
import type { Handlers } from '../messaging/router';
import { base64ToBytes, bytesToBase64 } from '../model/base64';
import { refuse } from '../model/errors';
import { maskNrnIn, type Context } from './context';

type AttachmentHandlers = Pick<Handlers, 'attachment:add' | 'attachment:get' | 'attachment:remove'>;

export function attachmentHandlers(ctx: Context): AttachmentHandlers {
  const { store } = ctx;

  return {
    'attachment:add': async ({ dossierId, artefact, name, type, base64 }) => {
      ctx.checkArtefact(artefact);
      const bytes = base64ToBytes(base64) ?? refuse('input.invalid-file');
      const id = ctx.newId();
      const blob = new Blob([bytes], { type });
      const addedAt = ctx.now();
      return ctx.changeProgress(
        dossierId,
        artefact,
        // A scan is often named after the number it shows: the name is kept without it.
        (current, settings) => ({ ...current, attachments: [...current.attachments, { id, name: maskNrnIn(settings, name), type, size: blob.size, addedAt }] }),
        (attachments) => attachments.put({ id, dossierId, artefact, blob }),
      );
    },

    'attachment:get': async ({ id }) => {
      const found = await store.read(
        ['attachments', 'progress'],
        async (tx) => {
          const record = await tx.objectStore('attachments').get(id);
          if (!record) return undefined;
          const progress = await tx.objectStore('progress').get([record.dossierId, record.artefact]);
          return { record, meta: progress?.attachments.find((a) => a.id === id) };
        },
        undefined,
      );
      if (!found) return refuse('unknown.attachment', { attachment: id });
      const bytes = new Uint8Array(await found.record.blob.arrayBuffer());
      return { name: found.meta?.name ?? id, type: found.record.blob.type, base64: bytesToBase64(bytes) };
    },

    'attachment:remove': async ({ dossierId, artefact, id }) => {
      return ctx.changeProgress(
        dossierId,
        artefact,
        (current) => {
          if (!current.attachments.some((a) => a.id === id)) refuse('unknown.attachment', { attachment: id, artefact });
          return { ...current, attachments: current.attachments.filter((a) => a.id !== id) };
        },
        (attachments) => attachments.delete(id),
      );
    },
  };
}
