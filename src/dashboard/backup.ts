/**
 * The dashboard's half of a backup's journey: the background hands the file out and takes it in by
 * chunks (src/model/transfer.ts), because one message with every attachment would exceed the
 * browser's limit. The export is assembled as a Blob from its chunks and the import is read from the
 * file as a stream, so neither end holds more than one chunk of text beyond what it must.
 */
import { send } from '../messaging/client';
import type { ImportCounts } from '../model/views';
import { BACKUP_CHUNK_CHARS, splitText } from '../model/transfer';

/** The backup file, and the name to save it under. */
export async function fetchBackup(): Promise<{ file: Blob; filename: string }> {
  const { transfer, chunks, filename } = await send('backup:export-begin', {});
  try {
    const parts: string[] = [];
    for (let index = 0; index < chunks; index++) parts.push((await send('backup:export-chunk', { transfer, index })).data);
    return { file: new Blob(parts, { type: 'application/json' }), filename };
  } finally {
    await send('backup:export-end', { transfer }).catch(() => undefined);
  }
}

/** The file's text in chunks, decoded as UTF-8 on the way (a character split between two reads is kept whole). */
async function* textChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (pending.length >= BACKUP_CHUNK_CHARS || done) {
      const pieces = splitText(pending);
      // The last piece may still grow, unless the file is over.
      pending = done ? '' : (pieces.pop() ?? '');
      yield* pieces;
    }
    if (done) return;
  }
}

/** Sends the file to the background, which checks it whole and restores it, or refuses it and changes nothing. */
export async function restoreBackup(file: Blob): Promise<ImportCounts> {
  const { transfer } = await send('backup:import-begin', { bytes: file.size });
  let index = 0;
  for await (const data of textChunks(file)) await send('backup:import-chunk', { transfer, index: index++, data });
  return send('backup:import-end', { transfer, chunks: index });
}
