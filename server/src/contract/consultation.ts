import type { PeerRole } from './media-types';

/**
 * Lifecycle of one consultation, booked or walk-in:
 *   queued -> active -> ended
 *   queued -> ended          (the resident gave up, or the kiosk went away)
 */
export type ConsultationState = 'queued' | 'active' | 'ended';

export const END_REASONS = [
  'completed',
  'resident_left',
  'staff_ended',
  'network_lost',
  'transferred',
  'server_restart',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** One waiting resident as the staff queue shows it. */
export interface QueueEntry {
  sessionId: string;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  queuedAt: string;
}

export interface PeerInfo {
  role: PeerRole;
  displayName: string;
}

/** A consultation record as the REST API returns it. Times are ISO 8601 in UTC. */
export interface SessionRecord {
  id: string;
  kioskId: string;
  kioskName: string;
  staffId: string | null;
  staffName: string | null;
  queuedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  /** Seconds from queued to answered (or to ended, if never answered); derived. */
  waitSeconds: number | null;
  /** Seconds from answered to ended; derived. */
  durationSeconds: number | null;
}
