import type { QueueEntry } from '@madoguchi/contract/consultation';
import { entriesInScope, queueScopeOf } from '../domain/queue-scope';
import { queueRoom, queueScopeOfRoom, peerRoom, staffPeer } from '../domain/room-names';
import { createLogger } from '../logging/logger';
import type { SignallingServer } from './signalling-types';

const log = createLogger('member-scope');

/**
 * A member's departments changed while their console is open. Their sockets on this node take
 * the new scope at once: the principal the handlers read (getQueue, acceptCall), the queue room
 * they receive updates in, and a fresh queue cut to it, which replaces the list the console
 * shows. Without this a member moved out of a department kept receiving its residents until
 * their socket reconnected.
 */
export function rescopeLocalMemberSockets(io: SignallingServer, staffId: string, departmentIds: string[], queue: QueueEntry[]): number {
  const own = peerRoom(staffPeer(staffId));
  let count = 0;
  for (const socket of io.of('/').sockets.values()) {
    if (!socket.rooms.has(own)) continue;
    const principal = { ...socket.data.principal, departmentIds: [...departmentIds] };
    socket.data.principal = principal;
    const scope = queueScopeOf(principal);
    const target = scope ? queueRoom(scope) : null;
    for (const room of [...socket.rooms]) if (queueScopeOfRoom(room) && room !== target) void socket.leave(room);
    if (scope && target) {
      void socket.join(target);
      socket.emit('queueUpdated', entriesInScope(scope, queue));
    }
    count += 1;
  }
  if (count > 0) log.info({ sockets: count }, 'member sockets re-scoped after a department change');
  return count;
}
