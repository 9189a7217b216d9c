/** Saves a fetched file under `fileName` (files behind the bearer token cannot be plain links). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoke on the next tick so every browser has read the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
