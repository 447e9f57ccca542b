import type { types } from 'mediasoup';
import type { PooledWorker } from '../workers/worker-pool';

/** A room's router on one worker and the room's peers placed on it. */
export interface RoomRouter {
  readonly slot: PooledWorker;
  /**
   * Settles once the router exists. addPeer() is synchronous, so a router on another worker is
   * created in the background and whoever needs it (transports, consume) awaits it.
   */
  readonly router: Promise<types.Router>;
  /** The router once created, so that closing needs no wait. */
  created: types.Router | undefined;
  readonly peerIds: Set<string>;
  /** The home router lives as long as the room; the others close with their last peer. */
  readonly home: boolean;
}

export interface RoomRoutersOptions {
  home: { slot: PooledWorker; router: types.Router };
  /** The worker for the room's next peer, given the home worker. */
  placePeer(home: PooledWorker): PooledWorker;
  createRouter(slot: PooledWorker): Promise<types.Router>;
  /** A router of the room went away with its worker (or could not be created on it). */
  onFailure(): void;
}

/**
 * One Router per worker per room, and the slot counters (`rooms`, `peers`, `routers`) that go
 * with them. Counters change here and nowhere else, so they stay right through peer removal,
 * room close and worker death alike.
 */
export class RoomRouters {
  private readonly byWorker = new Map<PooledWorker, RoomRouter>();
  private readonly homeRouter: RoomRouter;
  private closed = false;

  constructor(private readonly options: RoomRoutersOptions) {
    const { slot, router } = options.home;
    slot.rooms += 1;
    this.homeRouter = this.track(slot, Promise.resolve(router), true);
    this.homeRouter.created = router;
  }

  get homeSlot(): PooledWorker {
    return this.homeRouter.slot;
  }

  /** Counts a peer on the worker placePeer() picks, creating the room's router there if needed. */
  add(peerId: string): RoomRouter {
    const slot = this.options.placePeer(this.homeRouter.slot);
    const site = this.byWorker.get(slot) ?? this.track(slot, this.options.createRouter(slot), false);
    site.peerIds.add(peerId);
    slot.peers += 1;
    return site;
  }

  remove(peerId: string, site: RoomRouter): void {
    if (!site.peerIds.delete(peerId)) return;
    site.slot.peers -= 1;
    if (!site.home && site.peerIds.size === 0) this.release(site);
  }

  /** Closes every router of the room; mediasoup closes what hangs off them, pipes included. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.homeRouter.slot.rooms -= 1;
    for (const site of [...this.byWorker.values()]) {
      site.slot.peers -= site.peerIds.size;
      site.peerIds.clear();
      this.release(site);
    }
  }

  private track(slot: PooledWorker, router: Promise<types.Router>, home: boolean): RoomRouter {
    const site: RoomRouter = { slot, router, created: undefined, peerIds: new Set(), home };
    this.byWorker.set(slot, site);
    slot.routers += 1;
    router.then(
      (created) => {
        site.created = created;
        // Released (last peer gone, room closed) while it was being created.
        if (this.byWorker.get(slot) !== site) created.close();
        else if (created.closed) this.options.onFailure();
        else created.on('workerclose', () => this.options.onFailure());
      },
      () => {
        // The room already accepted a peer for this worker and cannot serve it: fail the room so
        // the server rebuilds it, as when a worker dies.
        if (this.byWorker.get(slot) === site) this.options.onFailure();
      },
    );
    return site;
  }

  private release(site: RoomRouter): void {
    if (this.byWorker.get(site.slot) !== site) return;
    this.byWorker.delete(site.slot);
    site.slot.routers -= 1;
    // Not created yet: the track() callback closes it when it is.
    site.created?.close();
  }
}
