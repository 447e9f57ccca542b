/**
 * The release this page was loaded with: the build id of the first server it reached after
 * loading (index.html is served by the same release, and no request in between could change
 * that). Kept for the page's life, whatever call clients come and go; tests may reset it.
 */
let loadedWith: string | null = null;

/** Notes a server's build id; returns the page's own (the first one noted). */
export function notePageRelease(serverBuildId: string): string {
  loadedWith ??= serverBuildId;
  return loadedWith;
}

export function pageBuildId(): string | null {
  return loadedWith;
}

/** Only for tests that load several "pages" in one process. */
export function resetPageRelease(): void {
  loadedWith = null;
}
