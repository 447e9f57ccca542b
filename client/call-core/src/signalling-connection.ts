import { ErrorCode } from '@madoguchi/contract/errors';
import type { ServerInfo } from '@madoguchi/contract/signalling-events';
import { CallError, toCallError } from './call-error';
import type { ConnectionState } from './call-types';
import { createDeferred } from './deferred';
import type { Deferred } from './deferred';
import { createLogger } from './logger';
import type { ReconnectPolicy } from './reconnect-policy';
import { createSignallingSocket } from './signalling';
import type { SignallingSocket, SignallingSocketOptions } from './signalling';

const logger = createLogger('signalling-connection');

export interface SignallingConnectionOptions {
  getToken: () => string | null;
  refreshToken: (() => Promise<void>) | undefined;
  url: string | undefined;
  authPolicy: ReconnectPolicy;
  /** Runs after every (re)connection; the connection counts as ready once it resolves. */
  onReady: () => Promise<ServerInfo>;
  onStateChange: (state: ConnectionState, error?: CallError) => void;
  /** Makes the socket; unit tests hand in a fake one. */
  createSocket?: (options: SignallingSocketOptions) => SignallingSocket;
}

interface RetryState {
  retryCount: number;
  since: number;
  timer: ReturnType<typeof setTimeout> | null;
}

function codeOf(error: Error & { data?: unknown }): ErrorCode {
  const data = error.data as { code?: unknown } | undefined;
  const code = typeof data?.code === 'string' ? data.code : error.message;
  return (Object.values(ErrorCode) as string[]).includes(code) ? (code as ErrorCode) : ErrorCode.Unauthenticated;
}

/**
 * The socket's life: first connection, Socket.IO's own reconnection after network drops,
 * and re-authentication when the server refuses or drops us (Socket.IO does not retry
 * those by itself).
 */
export class SignallingConnection {
  readonly socket: SignallingSocket;
  private readonly options: SignallingConnectionOptions;
  private state: ConnectionState = 'idle';
  private serverInfo: ServerInfo | null = null;
  private everConnected = false;
  private waiters: Deferred<ServerInfo>[] = [];
  private authRetry: RetryState | null = null;

  constructor(options: SignallingConnectionOptions) {
    this.options = options;
    this.socket = (options.createSocket ?? createSignallingSocket)({ getToken: options.getToken, url: options.url });
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
  }

  connect(): Promise<ServerInfo> {
    if (this.state === 'closed') return Promise.reject(CallError.invalidState('connection is closed'));
    if (this.state === 'connected' && this.serverInfo) return Promise.resolve(this.serverInfo);
    const waiter = createDeferred<ServerInfo>();
    this.waiters.push(waiter);
    if (this.state === 'idle' || this.state === 'failed') {
      this.setState('connecting');
      this.socket.connect();
    }
    return waiter.promise;
  }

  close(): void {
    if (this.state === 'closed') return;
    if (this.authRetry?.timer != null) clearTimeout(this.authRetry.timer);
    this.setState('closed');
    this.socket.disconnect();
    this.settle(CallError.invalidState('connection closed'));
  }

  private async onConnect(): Promise<void> {
    logger.debug('socket connected', { id: this.socket.id ?? null });
    try {
      const info = await this.options.onReady();
      if (this.state === 'closed' || !this.socket.connected) return;
      this.authRetry = null;
      this.everConnected = true;
      this.serverInfo = info;
      this.setState('connected');
      this.settle(info);
    } catch (error) {
      // A drop during setup is retried by the next 'connect'; anything else is final.
      if (this.state === 'closed' || !this.socket.connected) return;
      this.fail(toCallError(error));
      this.socket.disconnect();
    }
  }

  private onConnectError(error: Error & { data?: unknown }): void {
    if (this.state === 'closed') return;
    if (this.socket.active) {
      // Network-level failure: Socket.IO keeps retrying on its own.
      logger.debug('connect failed, socket.io retries', { error });
      this.setState(this.everConnected ? 'reconnecting' : 'connecting');
      return;
    }
    this.retryAuth(new CallError(codeOf(error), error.message, { cause: error }));
  }

  private onDisconnect(reason: string): void {
    if (this.state === 'closed') return;
    logger.info('socket disconnected', { reason });
    if (reason === 'io client disconnect') return;
    this.setState('reconnecting');
    if (reason === 'io server disconnect') {
      this.retryAuth(new CallError(ErrorCode.Unauthenticated, 'the server closed the connection'));
    }
  }

  private retryAuth(error: CallError): void {
    const refresh = this.options.refreshToken;
    if (!refresh) {
      this.fail(error);
      return;
    }
    const retry = (this.authRetry ??= { retryCount: 0, since: Date.now(), timer: null });
    if (retry.timer !== null) return;
    const delay = this.options.authPolicy.nextRetryDelayMs({
      retryCount: retry.retryCount,
      elapsedMs: Date.now() - retry.since,
    });
    if (delay === null) {
      this.fail(error);
      return;
    }
    logger.info('server refused the token, retrying', { code: error.code, delayMs: delay });
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    retry.timer = setTimeout(() => {
      retry.timer = null;
      retry.retryCount += 1;
      refresh()
        .catch((e: unknown) => logger.warn('token refresh failed', { error: e }))
        .finally(() => {
          if (this.state !== 'closed') this.socket.connect();
        });
    }, delay);
  }

  private fail(error: CallError): void {
    this.authRetry = null;
    this.setState('failed', error);
    this.settle(error);
  }

  private settle(result: ServerInfo | CallError): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (result instanceof CallError) waiter.reject(result);
      else waiter.resolve(result);
    }
  }

  private setState(next: ConnectionState, error?: CallError): void {
    this.state = next;
    this.options.onStateChange(next, error);
  }
}
