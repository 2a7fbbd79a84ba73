/// <reference types="vite/client" />
/**
 * The font embedded in PDFs (DejaVu Sans: Latin, Greek, Cyrillic, Polish, Turkish… and €, « »),
 * bundled into this lazily loaded chunk as data so the page never has to fetch anything, not even
 * from its own package. Its licence ships at licenses/DejaVuSans.txt.
 */
import dataUrl from './fonts/DejaVuSans.ttf?inline';
import { base64ToBytes } from '../model/base64';

let decoded: Uint8Array | undefined;

/** The font's bytes, decoded once: the same array each time, so the PDF export parses the font once too. */
export function pdfFont(): Uint8Array {
  if (decoded) return decoded;
  const bytes = base64ToBytes(dataUrl.slice(dataUrl.indexOf(',') + 1));
  if (!bytes) throw new Error('the bundled PDF font is not valid base64');
  return (decoded = bytes);
}
