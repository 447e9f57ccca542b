import { isNewRelease } from '@madoguchi/contract/release';

/**
 * The booking page talks REST only, so it learns the server's release from each answer's
 * Madoguchi-Build header (RELEASE_HEADER). Like the socket pages, the first answer after loading
 * names the page's own release; a later one naming another means the server was upgraded. The
 * page then offers a reload and never reloads by itself: a resident may be typing.
 */
export class ReleaseWatch {
  private pageBuildId: string | null = null;
  private latest: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** One answer's header; null when it had none (a proxy's error page, an old server). */
  note(serverBuildId: string | null): void {
    if (!serverBuildId) return;
    const wasNew = this.isNew();
    this.pageBuildId ??= serverBuildId;
    this.latest = serverBuildId;
    if (this.isNew() !== wasNew) for (const listener of this.listeners) listener();
  }

  /** True while the server runs another release than this page was loaded with. */
  isNew(): boolean {
    return isNewRelease(this.pageBuildId, this.latest);
  }

  /** Called whenever isNew() changes (an upgrade seen; or, mid rolling upgrade, an old node again). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }
}

/** The page's one watch, fed by every API call (api.ts). */
export const releaseWatch = new ReleaseWatch();
