/**
 * Moving bytes between the page and the user's disk: saving a generated file (PDF, .ics, backup) and
 * reading a chosen file as base64 for the attachment store. Browser-only helpers for the dashboard.
 */

export function saveFile(data: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL by now; keep it alive a little for slow handlers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/**
 * The name of a file Be Civic saves: what it is and the day, never whose it is, because download
 * lists, shared folders and sync services show file names to people the dossier is not for.
 */
export function exportFileName(what: 'dossier' | 'appointments', day: string, extension: 'pdf' | 'ics'): string {
  return `be-civic-${what}-${day}.${extension}`;
}
