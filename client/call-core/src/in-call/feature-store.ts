import { TypedEmitter } from '../typed-emitter';
import type { ServerToClientEvents } from '@madoguchi/contract/signalling-events';

/**
 * Where in-call notifications come from: any role's call client (`CallClient.onServerEvent`),
 * which follows the call to whichever socket carries it.
 */
export interface ServerEventSource {
  onServerEvent<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
}

/** Which consultation a feature belongs to: a fixed one (a desk's call) or whatever call is current (the kiosk). */
export type CallFilter = (consultationId: string) => boolean;

export function onlyCall(consultationId: string): CallFilter {
  return (id) => id === consultationId;
}

/**
 * One in-call feature's state as an immutable snapshot (`getSnapshot()`, event `changed`), the
 * shape React's useSyncExternalStore reads and the kiosk's controller merges into its own.
 * Framework-free so the staff app and the kiosk share it.
 */
export class FeatureStore<S extends object> extends TypedEmitter<{ changed: [S] }> {
  private state: S;
  private readonly offs: (() => void)[] = [];

  constructor(private readonly initial: S) {
    super();
    this.state = Object.freeze({ ...initial });
  }

  getSnapshot = (): S => this.state;

  /** For useSyncExternalStore: subscribe and get the unsubscribe. */
  subscribe = (onChange: () => void): (() => void) => this.on('changed', onChange);

  /** Back to the empty state (the call is over; nothing of it is kept). */
  reset(): void {
    if (this.state !== this.initial) this.replace(this.initial);
  }

  /** Stops listening to the call and to its own listeners; the store is not used again. */
  close(): void {
    for (const off of this.offs.splice(0)) off();
    this.removeAllListeners();
  }

  /** Keeps an unsubscribe (a server event listener) for close(). */
  protected own(off: () => void): void {
    this.offs.push(off);
  }

  protected patch(changes: Partial<S>): void {
    this.replace({ ...this.state, ...changes });
  }

  private replace(next: S): void {
    this.state = next === this.initial ? next : Object.freeze(next);
    this.safeEmit('changed', this.state);
  }
}
