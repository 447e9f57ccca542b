/**
 * The release a server runs, and when a page built for another one reloads itself. Kiosks run
 * for weeks without a reload: after an upgrade their page would keep speaking the old protocol,
 * so every page compares the release it was loaded with against the one its server names on
 * every (re)connect (ServerInfo.buildId) and reloads, or offers to, at a harmless moment.
 */

/** Sent in ServerInfo: the same on every node of one release, different when any app changes. */
export interface ReleaseInfo {
  buildId: string;
}

/**
 * The response header naming the server's release on every REST answer (`/api/…`), for pages
 * without a socket (the residents' booking page) to notice an upgrade the way the others do
 * through ServerInfo.buildId. Same origin, so the page reads it without CORS exposure.
 */
export const RELEASE_HEADER = 'Madoguchi-Build';

/**
 * A page reloads at most this often for a new release: during a rolling upgrade a reloaded
 * page may still reach an old node, and must not reload in a loop.
 */
export const RELEASE_RELOAD_MIN_INTERVAL_MS = 10 * 60_000;

/** A kiosk waits this long on its idle screen with nobody touching it before it reloads. */
export const KIOSK_RELOAD_QUIET_MS = 3_000;

/** True when the server runs a release other than the one this page was loaded with. */
export function isNewRelease(pageBuildId: string | null, serverBuildId: string | null | undefined): boolean {
  return pageBuildId !== null && typeof serverBuildId === 'string' && serverBuildId !== '' && serverBuildId !== pageBuildId;
}

export interface KioskReloadInput {
  pageBuildId: string | null;
  serverBuildId: string | null | undefined;
  /** The kiosk's state machine state: only `idle` (the attract screen) has nobody in front of it. */
  state: string;
  /** The idle warning is showing, or a form is open: someone may be there. */
  busy: boolean;
  /** How long the screen has been idle with nobody touching it. */
  quietMs: number;
  /** When this kiosk last reloaded for a release (ms since epoch), null if never. */
  lastReloadAt: number | null;
  now: number;
}

/** Whether the kiosk reloads now: a new release, nobody in front of it, and no reload just before. */
export function shouldKioskReload(input: KioskReloadInput): boolean {
  if (!isNewRelease(input.pageBuildId, input.serverBuildId)) return false;
  if (input.state !== 'idle' || input.busy || input.quietMs < KIOSK_RELOAD_QUIET_MS) return false;
  return input.lastReloadAt === null || input.now - input.lastReloadAt >= RELEASE_RELOAD_MIN_INTERVAL_MS || input.lastReloadAt > input.now;
}

export interface ConsoleBannerInput {
  pageBuildId: string | null;
  serverBuildId: string | null | undefined;
  /** The staff console's or guest page's call state: anything but `idle` is a call (or its start). */
  callState: string;
}

/** Whether the staff console (or guest page) offers 「新しい版があります」 now: never during a call. */
export function shouldOfferReload(input: ConsoleBannerInput): boolean {
  return isNewRelease(input.pageBuildId, input.serverBuildId) && input.callState === 'idle';
}
