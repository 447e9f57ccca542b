import type { ServerToClientEvents } from '@madoguchi/contract/signalling-events';
import type { SignallingSocket } from '../signalling';

/** A listener of onServerEvent(), attached to every socket that may carry the call. */
interface Subscription {
  event: string;
  listener: (...args: unknown[]) => void;
  detach: (() => void)[];
}

/** Socket.IO's typed on()/off() cannot follow a generic event name. */
type LooseSocket = { on(event: string, listener: (...args: unknown[]) => void): void; off(event: string, listener: (...args: unknown[]) => void): void };

/**
 * In-call notifications for the screens, from whichever socket carries the call: the home
 * socket, or the link to the node holding the call. A staff member's notifications reach all
 * their sockets, so those of the socket not carrying the call are ignored rather than seen twice.
 */
export class ServerEvents {
  private readonly subscriptions = new Set<Subscription>();
  private readonly sockets: SignallingSocket[] = [];

  constructor(private readonly carriesCall: (socket: SignallingSocket) => boolean) {}

  /** A socket that may carry the call from now on (the home socket, then each holder link). */
  addSocket(socket: SignallingSocket): void {
    this.sockets.push(socket);
    for (const subscription of this.subscriptions) this.attach(subscription, socket);
  }

  /** A holder link that is closed: its listeners go with it. */
  removeSocket(socket: SignallingSocket): void {
    const index = this.sockets.indexOf(socket);
    if (index >= 0) this.sockets.splice(index, 1);
  }

  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    const subscription: Subscription = { event, listener: listener as (...args: unknown[]) => void, detach: [] };
    this.subscriptions.add(subscription);
    for (const socket of this.sockets) this.attach(subscription, socket);
    return () => {
      this.subscriptions.delete(subscription);
      for (const detach of subscription.detach) detach();
    };
  }

  private attach(subscription: Subscription, socket: SignallingSocket): void {
    const loose = socket as unknown as LooseSocket;
    const handler = (...args: unknown[]): void => {
      if (this.carriesCall(socket)) subscription.listener(...args);
    };
    loose.on(subscription.event, handler);
    subscription.detach.push(() => loose.off(subscription.event, handler));
  }
}
