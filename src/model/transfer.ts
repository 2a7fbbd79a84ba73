/**
 * Backups cross between the dashboard and the background in chunks: a browser refuses any single
 * message over its limit (64 MiB in Chromium, counted after serialisation), and a backup with its
 * attachments as base64 passes that at about 48 MB of files. Both ends cut with the same rule.
 */

/** Characters per chunk: even at three UTF-8 bytes per character a chunk's message stays near 12 MiB. */
export const BACKUP_CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * The largest backup text the background accepts: JavaScript engines cannot make one string much
 * longer (V8 stops just under 2^29 characters), and the import has to parse it as one.
 */
export const MAX_BACKUP_CHARS = 500 * 1024 * 1024;

/** `text` in pieces of at most `size` characters, never cutting a character written as two UTF-16 units. */
export function splitText(text: string, size = BACKUP_CHUNK_CHARS): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}
