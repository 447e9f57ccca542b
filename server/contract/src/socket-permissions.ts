import { SOCKET_REQUESTS, type SocketRequest, type SocketRole } from './socket-requests';

export type { SocketRole };

/**
 * Who may send each socket request: the socket half of the permission table (the REST half is
 * API_ROUTES), read from SOCKET_REQUESTS. The server checks it before the payload is read; a
 * test walks every event × every role.
 */
export const SOCKET_PERMISSIONS = Object.fromEntries(
  Object.entries(SOCKET_REQUESTS).map(([event, spec]) => [event, spec.roles]),
) as { readonly [E in SocketRequest]: (typeof SOCKET_REQUESTS)[E]['roles'] };
