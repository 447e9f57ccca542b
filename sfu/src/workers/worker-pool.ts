import { createWorker, type types } from 'mediasoup';
import type { SfuConfig } from '../config/sfu-config';

export interface PooledWorker {
  readonly index: number;
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer | undefined;
  rooms: number;
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

  leastLoaded(): PooledWorker {
    let best: PooledWorker | undefined;
    for (const slot of this.slots) {
      if (!slot.worker.closed && (!best || slot.rooms < best.rooms)) best = slot;
    }
    if (!best) throw new Error('no mediasoup worker is running');
    return best;
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.worker.close();
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
    const slot: PooledWorker = { index, worker, webRtcServer, rooms: 0 };
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
