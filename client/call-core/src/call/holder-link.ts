import { CallError } from '../call-error';
import { createLogger } from '../logger';
import type { ConnectionState } from '../call-types';
import type { ReconnectPolicy } from '../reconnect-policy';
import { SignallingConnection } from '../signalling-connection';
import { request } from '../signalling';
import type { SignallingSocket, SignallingSocketOptions } from '../signalling';

const logger = createLogger('holder-link');

/** How long a finished call's link waits for its last answer before closing. */
const LINGER_MS = 5_000;
/** How long the first connection to the node holding an accepted call may take. */
const CONNECT_TIMEOUT_MS = 15_000;

export interface HolderLinkOptions {
  url: string;
  getToken: () => string | null;
  refreshToken: (() => Promise<void>) | undefined;
  authPolicy: ReconnectPolicy;
  requestTimeoutMs: number | undefined;
  /** The link came back after a drop: the call joins the room again through it. */
  onReconnected: () => void;
  /** The link is gone for good (its auth retries ran out). */
  onFailed: (error: CallError) => void;
  createSocket: ((options: SignallingSocketOptions) => SignallingSocket) | undefined;
  /** How long the first connection may take (default 15 s; a kiosk trying nodes after a failover waits less). */
  connectTimeoutMs?: number;
  /** Every state of the link, before the callbacks above (a failed-over kiosk shows it as its connection). */
  onStateChange?: (state: ConnectionState) => void;
}

/**
 * Staff: the resident's kiosk is connected to another server node, which holds the call's
 * media and state. The call runs over a socket of its own to that node, with the same token.
 */
export class HolderLink {
  private readonly connection: SignallingConnection;
  private readonly connectTimeoutMs: number;

  constructor(options: HolderLinkOptions) {
    let everConnected = false;
    const connection: SignallingConnection = new SignallingConnection({
      getToken: options.getToken,
      refreshToken: options.refreshToken,
      url: options.url,
      authPolicy: options.authPolicy,
      onReady: () => request(connection.socket, 'getServerInfo', {}, options.requestTimeoutMs),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      onStateChange: (state, error) => {
        options.onStateChange?.(state);
        if (state === 'connected') {
          if (everConnected) options.onReconnected();
          everConnected = true;
        } else if (state === 'failed') {
          options.onFailed(error ?? CallError.unavailable('lost the connection to the server holding the call'));
        }
      },
    });
    this.connection = connection;
    this.connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  }

  get socket(): SignallingSocket {
    return this.connection.socket;
  }

  /**
   * Socket.IO retries an unreachable address forever; the resident is waiting, so give up
   * after a while with an error the console can show.
   */
  async open(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unreachable = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(CallError.unavailable('could not reach the server holding this call; reload the page and try again')),
        this.connectTimeoutMs,
      );
    });
    try {
      await Promise.race([this.connection.connect(), unreachable]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes now: the call goes on elsewhere (or this node cannot take it). */
  close(): void {
    this.connection.close();
  }

  /** The call is over: close once `lastRequest` (the hang-up) is answered, or after a while. */
  retire(lastRequest: Promise<unknown> | null | undefined): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const linger = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, LINGER_MS);
    });
    void Promise.race([lastRequest ?? Promise.resolve(), linger])
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        logger.debug('holder link closed');
        this.connection.close();
      });
  }
}
