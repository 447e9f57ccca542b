import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SfuApi } from '@madoguchi/sfu';
import type { QueueEntry } from '@madoguchi/contract/consultation';

/** The live consultations, read at scrape time. */
export interface LiveConsultations {
  liveCounts(): { queued: number; active: number };
  queue(): QueueEntry[];
}

/** Live consultations by state. */
export const CONSULTATIONS_METRIC = 'madoguchi_consultations';
/** Its name before issue 15, a deprecated alias with the same values for one more release. */
export const DEPRECATED_CONSULTATIONS_METRIC = 'madoguchi_sessions'; // rename:keep

/**
 * The Prometheus metrics of one app instance, in its own registry (tests run several apps in
 * one process). Gauges are read from their sources at scrape time; counters count as things happen.
 */
export class Metrics {
  readonly registry = new Registry();
  /**
   * Set by observe(): the metrics are built before the consultation service (which counts
   * rejoins on them); until then the consultation gauges read zero.
   */
  private live: LiveConsultations | null = null;
  readonly joinLatency: Histogram;
  readonly reconnects: Counter;
  readonly errors: Counter<'code' | 'edge'>;

  constructor(sfu: SfuApi) {
    const registry = this.registry;
    const live = (): LiveConsultations | null => this.live;
    collectDefaultMetrics({ register: registry, prefix: 'madoguchi_' });

    this.joinLatency = new Histogram({
      name: 'madoguchi_join_latency_seconds',
      help: 'Time for the server to answer joinRoom (transports created, peers listed)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    this.reconnects = new Counter({
      name: 'madoguchi_reconnects_total',
      help: 'Participants who joined a consultation again after losing their connection',
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'madoguchi_errors_total',
      help: 'Requests answered with an error, by error code and edge (rest, socket)',
      labelNames: ['code', 'edge'],
      registers: [registry],
    });

    const liveByState = (name: string, help: string): Gauge<'state'> =>
      new Gauge({
        name,
        help,
        labelNames: ['state'],
        registers: [registry],
        collect() {
          const counts = live()?.liveCounts() ?? { queued: 0, active: 0 };
          this.set({ state: 'queued' }, counts.queued);
          this.set({ state: 'active' }, counts.active);
        },
      });
    liveByState(CONSULTATIONS_METRIC, 'Live consultations by state (queued, active)');
    // The name before issue 15: kept one more release so dashboards and alerts can move (README, Operations).
    liveByState(DEPRECATED_CONSULTATIONS_METRIC, `DEPRECATED, use ${CONSULTATIONS_METRIC} (same values); removed in the next release`);
    new Gauge({
      name: 'madoguchi_queue_length',
      help: 'Residents waiting, by department (general = no department chosen)',
      labelNames: ['department'],
      registers: [registry],
      collect() {
        this.reset();
        for (const entry of live()?.queue() ?? []) this.inc({ department: entry.departmentName ?? 'general' });
      },
    });

    // One SFU stats call per scrape feeds all media gauges.
    let pending: ReturnType<SfuApi['stats']> | null = null;
    const sfuStats = (): ReturnType<SfuApi['stats']> => {
      pending ??= sfu.stats().finally(() => {
        setTimeout(() => (pending = null), 0);
      });
      return pending;
    };
    new Gauge({
      name: 'madoguchi_sfu_worker_cpu_seconds',
      help: 'CPU time (user + system) used by each mediasoup worker since it started',
      labelNames: ['worker'],
      registers: [registry],
      async collect() {
        for (const [index, worker] of (await sfuStats()).workers.entries()) this.set({ worker: String(index) }, worker.cpuMs / 1000);
      },
    });
    new Gauge({
      name: 'madoguchi_sfu_worker_rooms',
      help: 'Consultation rooms placed on each mediasoup worker',
      labelNames: ['worker'],
      registers: [registry],
      async collect() {
        for (const [index, worker] of (await sfuStats()).workers.entries()) this.set({ worker: String(index) }, worker.rooms);
      },
    });
    new Gauge({
      name: 'madoguchi_sfu_worker_peers',
      help: 'Call participants placed on each mediasoup worker (a room spanning workers counts on each)',
      labelNames: ['worker'],
      registers: [registry],
      async collect() {
        for (const [index, worker] of (await sfuStats()).workers.entries()) this.set({ worker: String(index) }, worker.peers);
      },
    });
    new Gauge({
      name: 'madoguchi_sfu_media_objects',
      help: 'Live WebRTC transports, producers and consumers',
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        const { media } = await sfuStats();
        this.set({ kind: 'transport' }, media.transports);
        this.set({ kind: 'producer' }, media.producers);
        this.set({ kind: 'consumer' }, media.consumers);
      },
    });
    new Gauge({
      name: 'madoguchi_sfu_live_transport_bytes',
      help: 'Bytes received from and sent to clients by the transports open now; rate() over it is the bitrate while calls run',
      labelNames: ['direction'],
      registers: [registry],
      async collect() {
        const { media } = await sfuStats();
        this.set({ direction: 'in' }, media.bytesReceived);
        this.set({ direction: 'out' }, media.bytesSent);
      },
    });
  }

  observe(live: LiveConsultations): void {
    this.live = live;
  }
}
