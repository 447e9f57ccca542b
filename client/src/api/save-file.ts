/** Hands a downloaded blob to the browser as a file, as if the user had clicked a link to it. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; revoke a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
