import { createLogger } from './logger';

const logger = createLogger('typed-emitter');

/**
 * A minimal typed event emitter. Events are declared as `{ name: [args] }`; a throwing
 * listener is logged and never breaks the emitter or the other listeners.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  // Stored untyped: the map cannot express that each key has its own listener type.
  private readonly listeners = new Map<keyof Events, Set<unknown>>();

  /** Adds a listener and returns the function that removes it. */
  on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  once<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    const off = this.on(event, (...args: Events[K]) => {
      off();
      listener(...args);
    });
    return off;
  }

  off<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): void {
    this.listeners.get(event)?.delete(listener);
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }

  protected safeEmit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    // Copy first: a listener may remove itself (once) or others while we iterate.
    for (const listener of [...set]) {
      try {
        (listener as (...a: Events[K]) => void)(...args);
      } catch (error) {
        logger.error('listener threw', { event: String(event), error });
      }
    }
  }
}
