import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, retryAfterSecondsOf, type AttemptLimiter } from '../domain/attempt-limiter';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';

export interface SocketLimitOptions {
  /** Requests one connection may send per second (a call's set-up needs about a dozen at once). */
  requestsPerSecond: number;
  /** Open connections (including ones still shaking hands) from one client address. */
  connectionsPerAddress: number;
  /** Queue requests (call, cancel, check in) per kiosk, counted on every node alike. */
  kioskQueue: AttemptLimiter;
}

/** A kiosk that calls and cancels in a loop would fill the records and every staff screen. */
const QUEUE_EVENTS: ReadonlySet<string> = new Set(['callStaff', 'cancelCall', 'checkIn']);

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address: the socket's peer, or behind a proxy on this host (loopback, as the
 * REST side trusts) the last address the proxy added to X-Forwarded-For.
 */
export function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (!LOOPBACK.test(peer) || typeof forwarded !== 'string') return peer;
  const hops = forwarded.split(',').map((hop) => hop.trim()).filter((hop) => hop !== '');
  return hops.reverse().find((hop) => !LOOPBACK.test(hop)) ?? peer;
}

/** Open connections per address, so one address cannot hold thousands of half-open sockets. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Takes a place for this address; false when it has none left. */
  admit(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = (this.open.get(address) ?? 1) - 1;
    if (count <= 0) this.open.delete(address);
    else this.open.set(address, count);
  }
}

/** Checks one request against the connection's rate and, for queue requests, the kiosk's. */
export function createRequestGate(options: Omit<SocketLimitOptions, 'connectionsPerAddress'>): (socketId: string, principal: SocketPrincipal, event: string) => Promise<void> {
  const perConnection = new RateLimiterMemory({ points: options.requestsPerSecond, duration: 1, keyPrefix: 'socket-requests' });
  return async (socketId, principal, event) => {
    try {
      await perConnection.consume(socketId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(retryAfterSecondsOf(rejection), 'too many requests on this connection; slow down');
      throw rejection;
    }
    if (principal.role === 'kiosk' && QUEUE_EVENTS.has(event)) await options.kioskQueue.take(principal.id);
  };
}
