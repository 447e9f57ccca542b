import type { ErrorBody } from './errors';

/** Every socket request gets exactly one answer of this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (response: Ack<T>) => void;
