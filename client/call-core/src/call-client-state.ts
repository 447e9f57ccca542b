import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { CallError } from './call-error';
import type { CallClientEvents, CallSnapshot, CallState, ConnectionState } from './call-types';
import { EMPTY_SNAPSHOT } from './empty-snapshot';
import { createLogger } from './logger';
import { TypedEmitter } from './typed-emitter';

const logger = createLogger('call-state');

/**
 * The observable half of CallClient: one immutable snapshot, one setter per state field,
 * each logging `prev -> next` once and emitting its event plus `changed`.
 */
export abstract class CallClientState extends TypedEmitter<CallClientEvents> {
  private snapshot: CallSnapshot = EMPTY_SNAPSHOT;

  /** The current state; a new object after every change, so it can be compared by identity. */
  getSnapshot(): CallSnapshot {
    return this.snapshot;
  }

  protected setConnection(next: ConnectionState, error?: CallError): void {
    const prev = this.snapshot.connection;
    if (error) this.reportError(error);
    if (prev === next) return;
    logger.info(`connection ${prev} -> ${next}`);
    this.patch({ connection: next });
    this.safeEmit('connectionStateChanged', next, prev);
  }

  protected setCallState(next: CallState, consultationId: string | null): void {
    const prev = this.snapshot.callState;
    if (prev === next) return;
    logger.info(`call ${prev} -> ${next}`, { consultationId });
    this.patch({ callState: next });
    this.safeEmit('callStateChanged', next, prev);
  }

  protected setQueue(queue: QueueEntry[]): void {
    this.patch({ queue });
    this.safeEmit('queueUpdated', queue);
  }

  protected setLocalStream(stream: MediaStream | null): void {
    if (this.snapshot.localStream === stream) return;
    this.patch({ localStream: stream });
    this.safeEmit('localStreamChanged', stream);
  }

  protected reportError(error: CallError): void {
    this.patch({ lastError: error });
    this.safeEmit('error', error);
  }

  protected patch(changes: Partial<CallSnapshot>): void {
    this.snapshot = Object.freeze({ ...this.snapshot, ...changes });
    this.safeEmit('changed', this.snapshot);
  }
}
