import { createWorker, type types } from 'mediasoup';
import type { SfuConfig } from '../config/sfu-config';
import { leastLoadedOf, placePeer } from './peer-placement';

/** One worker and its load. Rooms keep the slot they used, so a dead slot's counts fade with them. */
export interface PooledWorker {
  readonly index: number;
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer | undefined;
  /** Rooms whose home router is here. */
  rooms: number;
  /** Peers placed here, whatever room they are in. */
  peers: number;
  /** Routers here: each room's home router plus the ones rooms spanning workers added. */
  routers: number;
}

/**
 * Starts and restarts mediasoup workers and hands out the least-loaded one. When a worker
 * dies only its rooms fail (the caller hears about it); the process keeps serving the rest.
 */
export class WorkerPool {
  private readonly slots: PooledWorker[] = [];
  private closed = false;

  private constructor(private readonly config: SfuConfig) {}

  static async start(config: SfuConfig): Promise<WorkerPool> {
    const pool = new WorkerPool(config);
    for (let index = 0; index < config.workers; index += 1) {
      pool.slots[index] = await pool.startWorker(index);
    }
    return pool;
  }

  get workers(): readonly PooledWorker[] {
    return this.slots;
  }

  /** Fewest peers, then fewest rooms: where a new room's home router goes. */
  leastLoaded(): PooledWorker {
    const best = leastLoadedOf(this.liveSlots());
    if (!best) throw new Error('no mediasoup worker is running');
    return best;
  }

  /** The worker for a room's next peer: see placePeer(). */
  placePeer(home: PooledWorker): PooledWorker {
    return placePeer({ home, live: this.liveSlots(), limit: this.config.workerPeerLimit });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.worker.close();
  }

  private liveSlots(): PooledWorker[] {
    return this.slots.filter((slot) => !slot.worker.closed);
  }

  private async startWorker(index: number): Promise<PooledWorker> {
    const { config } = this;
    const worker = await createWorker({
      logLevel: config.logLevel,
      rtcMinPort: config.rtcMinPort,
      rtcMaxPort: config.rtcMaxPort,
    });
    let webRtcServer: types.WebRtcServer | undefined;
    if (config.webRtcServerPort !== undefined) {
      const port = config.webRtcServerPort === 0 ? 0 : config.webRtcServerPort + index;
      const base = { ip: config.listenIp, announcedIp: config.announcedIp, port };
      webRtcServer = await worker.createWebRtcServer({
        listenInfos: [
          { ...base, protocol: 'udp' },
          { ...base, protocol: 'tcp' },
        ],
      });
    }
    const slot: PooledWorker = { index, worker, webRtcServer, rooms: 0, peers: 0, routers: 0 };
    worker.on('died', () => void this.replace(slot));
    return slot;
  }

  private async replace(dead: PooledWorker): Promise<void> {
    if (this.closed) return;
    // The dead worker's routers are already closed (their rooms report the failure); a
    // fresh worker takes the slot so new rooms keep being placed.
    for (let attempt = 1; !this.closed; attempt += 1) {
      try {
        this.slots[dead.index] = await this.startWorker(dead.index);
        return;
      } catch (error) {
        console.error(`[sfu] restarting worker ${dead.index} failed (attempt ${attempt})`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * attempt)));
      }
    }
  }
}
