import type { RtpCapabilitiesJson } from '@madoguchi/contract/media';
import type { MediaPathInfo } from '@madoguchi/contract/media';
import type { MediaRoomApi, RoomMediaStats, SfuApi, SfuStats } from './api';
import { defaultSfuConfig, mediaCodecs, type SfuConfig } from './config/sfu-config';
import { MediaRoom } from './rooms/media-room';
import { WorkerPool } from './workers/worker-pool';

export type {
  ConnectPlainTransportOptions,
  PeerMediaPath,
  MediaRoomApi,
  PlainTransportInfo,
  PlainTransportOptions,
  ProducerInfo,
  RoomMediaStats,
  SfuApi,
  SfuStats,
  SrtpParametersJson,
  WorkerStats,
} from './api';
export { SfuError } from './errors';
export { defaultSfuConfig, type SfuConfig } from './config/sfu-config';

/** Starts the worker pool and returns the media layer's API. The only export the server uses. */
export async function createSfu(overrides: Partial<SfuConfig> = {}): Promise<SfuApi> {
  const config: SfuConfig = { ...defaultSfuConfig, ...overrides };
  if (!Number.isInteger(config.workerPeerLimit) || config.workerPeerLimit < 1) {
    throw new TypeError(`workerPeerLimit must be a positive integer, got ${config.workerPeerLimit}`);
  }
  const rooms = new Map<string, MediaRoom>();
  const failedListeners: ((roomIds: string[]) => void)[] = [];

  const pool = await WorkerPool.start(config);

  // Every router gets the same codec list, so one probe gives the capabilities of all.
  const probe = await pool.leastLoaded().worker.createRouter({ mediaCodecs });
  const routerRtpCapabilities = probe.rtpCapabilities as unknown as RtpCapabilitiesJson;
  probe.close();

  const firstPort = config.webRtcServerPort ?? config.rtcMinPort;
  const mediaPath: MediaPathInfo = {
    address: config.announcedIp ?? config.listenIp,
    firstPort,
    lastPort: config.webRtcServerPort === undefined ? config.rtcMaxPort : firstPort === 0 ? 0 : firstPort + config.workers - 1,
    noMediaTimeoutSeconds: config.noMediaTimeoutSeconds,
  };

  return {
    routerRtpCapabilities,
    mediaPath,

    async createRoom(roomId: string): Promise<MediaRoomApi> {
      const existing = rooms.get(roomId);
      if (existing && !existing.closed) return existing;
      const slot = pool.leastLoaded();
      const router = await slot.worker.createRouter({ mediaCodecs });
      const room = new MediaRoom({
        id: roomId,
        config,
        home: { slot, router },
        placePeer: (home) => pool.placePeer(home),
        createRouter: (on) => on.worker.createRouter({ mediaCodecs }),
        onClose: (closed, workerDied) => {
          if (rooms.get(closed.id) === closed) rooms.delete(closed.id);
          // mediasoup closes a dead worker's routers before it reports the death, so each
          // room reports its own failure.
          if (workerDied) for (const listener of failedListeners) listener([closed.id]);
        },
      });
      rooms.set(roomId, room);
      return room;
    },

    getRoom(roomId: string): MediaRoomApi | undefined {
      const room = rooms.get(roomId);
      return room && !room.closed ? room : undefined;
    },

    onRoomsFailed(listener: (roomIds: string[]) => void): void {
      failedListeners.push(listener);
    },

    async stats(): Promise<SfuStats> {
      const workers = await Promise.all(
        pool.workers.map(async (slot) => {
          const usage = await slot.worker.getResourceUsage();
          return {
            pid: slot.worker.pid,
            rooms: slot.rooms,
            peers: slot.peers,
            routers: slot.routers,
            cpuMs: usage.ru_utime + usage.ru_stime,
            maxRssKb: usage.ru_maxrss,
          };
        }),
      );
      const media: RoomMediaStats = { transports: 0, producers: 0, consumers: 0, bytesReceived: 0, bytesSent: 0 };
      for (const room of rooms.values()) {
        if (room.closed) continue;
        const roomStats = await room.mediaStats();
        for (const key of Object.keys(media) as (keyof RoomMediaStats)[]) media[key] += roomStats[key];
      }
      return { workers, rooms: rooms.size, media };
    },

    async close(): Promise<void> {
      for (const room of rooms.values()) room.close();
      rooms.clear();
      pool.close();
    },
  };
}
