import type { ConsultationRecord } from './consultation';
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

/** One server node's media load. */
export interface NodeLoad {
  nodeId: string;
  /** The node that answered this request (the one the admin app is connected to). */
  self: boolean;
  workers: WorkerLoad[];
  media: { transports: number; producers: number; consumers: number };
}

/** The operator's view: is every kiosk alive, what is live, how loaded is each node. */
export interface OperationsOverview {
  /** The node that answered. */
  nodeId: string;
  at: string;
  kiosks: KioskSummary[];
  /** Consultations queued or in progress (all nodes share the database). */
  liveConsultations: ConsultationRecord[];
  /** This node first, then every other node of the cluster that answered. */
  nodes: NodeLoad[];
  /** False when some other node did not answer in time: its load is missing from `nodes`. */
  allNodesAnswered: boolean;
}
