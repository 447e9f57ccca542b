/** A promise with its resolve and reject exposed, for values that arrive from elsewhere. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function createDeferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting when a call is abandoned; that must not count as unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
