/// <reference types="vite/client" />
/**
 * The font embedded in PDFs (DejaVu Sans: Latin, Greek, Cyrillic, Polish, Turkish… and €, « »),
 * bundled into this lazily loaded chunk as data so the page never has to fetch anything, not even
 * from its own package. Its licence ships at licenses/DejaVuSans.txt.
 */
import dataUrl from './fonts/DejaVuSans.ttf?inline';

export function pdfFont(): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
