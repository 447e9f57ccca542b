import { KIOSK_RELOAD_QUIET_MS, RELEASE_RELOAD_MIN_INTERVAL_MS, isNewRelease, shouldKioskReload } from '@madoguchi/contract/release';
import { createLogger } from '@madoguchi/call-core/logger';
import { OneShotTimer } from './one-shot-timer';

const logger = createLogger('release-reload');

/** When this kiosk last reloaded for a release: a rolling upgrade must not make it reload in a loop. */
export const RELEASE_RELOAD_STORAGE_KEY = 'madoguchi.kiosk.releaseReloadAt';

export interface ReleaseReloadView {
  pageBuildId: string | null;
  serverBuildId: string | null | undefined;
  state: string;
  busy: boolean;
}

export interface ReleaseReloadOptions {
  /** Reloads the page (location.reload in the browser). */
  reload?: () => void;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  now?: () => number;
}

/**
 * Reloads the kiosk's page for a new server release at the first idle moment: the attract
 * screen, nobody touching it for a few seconds. Never while a resident is choosing, waiting,
 * in a call, signing or booking: those states are not `idle`, and the check runs again each
 * time the kiosk comes back to it.
 */
export class ReleaseReload {
  private readonly timer = new OneShotTimer();
  private quietSince: number;
  private readonly reload: () => void;
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private readonly now: () => number;

  constructor(options: ReleaseReloadOptions = {}) {
    this.reload = options.reload ?? (() => window.location.reload());
    this.storage = options.storage ?? (typeof localStorage === 'undefined' ? null : localStorage);
    this.now = options.now ?? (() => Date.now());
    this.quietSince = this.now();
  }

  /** Someone touched the screen (or the kiosk has just come back to idle). */
  touched(): void {
    this.quietSince = this.now();
  }

  /** Called on every change of the kiosk's snapshot. */
  update(view: ReleaseReloadView, current: () => ReleaseReloadView): void {
    if (!isNewRelease(view.pageBuildId, view.serverBuildId) || view.state !== 'idle' || view.busy) {
      this.timer.clear();
      return;
    }
    if (this.timer.pending) return;
    const wait = Math.max(0, KIOSK_RELOAD_QUIET_MS - (this.now() - this.quietSince));
    this.timer.set(wait + 50, () => this.tryReload(current));
  }

  stop(): void {
    this.timer.clear();
  }

  private tryReload(current: () => ReleaseReloadView): void {
    const view = current();
    const now = this.now();
    const stored = Number(this.storage?.getItem(RELEASE_RELOAD_STORAGE_KEY) ?? Number.NaN);
    const lastReloadAt = Number.isFinite(stored) ? stored : null;
    if (!shouldKioskReload({ ...view, quietMs: now - this.quietSince, lastReloadAt, now })) {
      if (!isNewRelease(view.pageBuildId, view.serverBuildId) || view.state !== 'idle' || view.busy) return;
      // Touched meanwhile: look again once it has been quiet long enough. Reloaded a moment
      // ago (a rolling upgrade): look again when the interval is over.
      const quietLeft = KIOSK_RELOAD_QUIET_MS - (now - this.quietSince);
      const intervalLeft = lastReloadAt === null ? 0 : lastReloadAt + RELEASE_RELOAD_MIN_INTERVAL_MS - now;
      this.timer.set(Math.max(quietLeft, intervalLeft, 0) + 50, () => this.tryReload(current));
      return;
    }
    logger.info('new server release: reloading at idle', { from: view.pageBuildId, to: view.serverBuildId });
    this.storage?.setItem(RELEASE_RELOAD_STORAGE_KEY, String(now));
    this.reload();
  }
}
