import type { types } from 'mediasoup';

export interface PipeOptions {
  producer: types.Producer;
  /** The router the producer's transport is on. */
  source: types.Router;
  /** The router of the peer that wants to consume it. */
  destination: types.Router;
}

/**
 * Producers piped from one router of a room to another, so that peers on other workers can
 * consume them under the same producer id.
 *
 * mediasoup links the ends itself (Router.pipeToRouter in 3.12): the pipe consumer closes with
 * the producer, the pipe producer closes with the pipe consumer (so consumers on the destination
 * get 'producerclose'), and closing either router closes the pipe transport pair. What is left
 * here is piping each producer once per destination: a second pipeToRouter() for the same pair
 * fails, as the destination already has a producer with that id.
 */
export class ProducerPipes {
  private readonly pipes = new Map<string, Promise<void>>();

  /** Resolves once `producer` can be consumed on `destination`; concurrent callers share one pipe. */
  pipe({ producer, source, destination }: PipeOptions): Promise<void> {
    const key = `${producer.id} ${destination.id}`;
    const existing = this.pipes.get(key);
    if (existing) return existing;
    const pending = source.pipeToRouter({ producerId: producer.id, router: destination }).then(() => undefined);
    this.pipes.set(key, pending);
    // Forget the pipe when one of its ends goes: a later consume pipes again or fails clearly.
    const forget = (): void => {
      if (this.pipes.get(key) === pending) this.pipes.delete(key);
      producer.observer.off('close', forget);
      source.observer.off('close', forget);
      destination.observer.off('close', forget);
    };
    producer.observer.on('close', forget);
    source.observer.on('close', forget);
    destination.observer.on('close', forget);
    pending.catch(forget);
    return pending;
  }
}
