/**
 * Base64, the one codec for bytes inside JSON (attachments in messages and backups, the PDF font
 * inlined as a data URL). Chunked, because attachments reach several megabytes and one
 * String.fromCharCode call per byte array would overflow the stack.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

/** 1 for the 64 letters of the alphabet, indexed by char code (the check runs on every character). */
const ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;
const PAD = '='.charCodeAt(0);

/**
 * Whether `text` is padded base64: a multiple of four characters of the alphabet, the last one or two
 * possibly `=`. One pass over the characters, no regular expression: a pattern with a repeated group
 * needs stack in proportion to the input and overflows on files of a few megabytes.
 */
function isBase64(text: string): boolean {
  const length = text.length;
  if (length % 4 !== 0) return false;
  const padding = length === 0 ? 0 : text.charCodeAt(length - 1) !== PAD ? 0 : text.charCodeAt(length - 2) === PAD ? 2 : 1;
  for (let i = 0; i < length - padding; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ALPHABET[code] !== 1) return false;
  }
  return true;
}

/** The bytes, or undefined when `text` is not padded base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!isBase64(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
