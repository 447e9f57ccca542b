import type { SessionRecord } from './consultation';
import type { KioskSummary } from './kiosks';

export interface WorkerLoad {
  index: number;
  /** Calls whose home router is on this worker. */
  rooms: number;
  /** Call participants placed on this worker (a call over the per-worker limit spans workers). */
  peers: number;
  /** Share of one core used since the previous look (0-100); null on the first look. */
  cpuPercent: number | null;
  rssMb: number;
}

/** The operator's view: is every kiosk alive, what is live, how loaded is this node. */
export interface OperationsOverview {
  nodeId: string;
  at: string;
  kiosks: KioskSummary[];
  /** Consultations queued or in progress (all nodes share the database). */
  liveSessions: SessionRecord[];
  workers: WorkerLoad[];
  media: { transports: number; producers: number; consumers: number };
}
