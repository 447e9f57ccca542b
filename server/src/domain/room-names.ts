import type { PeerRole } from '@madoguchi/contract/media-types';

/**
 * The one owner of peer ids and Socket.IO room names. Nothing else builds such strings: a
 * hand-built `peer:staff:<id>` for a guest once sent a guest's messages to nobody, and a guest
 * put in the staff room once received every department's queue.
 */

/** `kiosk:<id>`, `staff:<id>` or `guest:<linkId>`: the SFU peer id of a call participant. */
export const peerId = (role: PeerRole, id: string): string => `${role}:${id}`;
export const kioskPeer = (kioskId: string): string => peerId('kiosk', kioskId);
export const staffPeer = (staffId: string): string => peerId('staff', staffId);
export const guestPeer = (linkId: string): string => peerId('guest', linkId);
export const isKioskPeer = (id: string): boolean => id.startsWith('kiosk:');
export const isGuestPeer = (id: string): boolean => id.startsWith('guest:');

/** Every socket of one participant (a kiosk, a member, a guest link), on whichever node. */
export const peerRoom = (id: string): string => `peer:${id}`;

/** The sockets that joined one consultation's media room. */
export const consultationRoom = (consultationId: string): string => `consultation:${consultationId}`;

/** Sockets of one staff login session, closed together when it ends or is revoked. */
export const loginSessionRoom = (loginSessionId: string): string => `auth:${loginSessionId}`;

/**
 * Who sees which waiting residents. The room is the scope: a queue update is cut to a room's
 * scope before it is sent to that room, so no socket ever receives an entry outside its own.
 * `all` is for admins; a member sees their departments' residents and the general counter.
 */
export type QueueScope = { kind: 'all' } | { kind: 'departments'; departmentIds: readonly string[] };

const QUEUE_ALL = 'queue:all';
const QUEUE_DEPARTMENTS = 'queue:departments:';

export function queueRoom(scope: QueueScope): string {
  if (scope.kind === 'all') return QUEUE_ALL;
  return QUEUE_DEPARTMENTS + [...new Set(scope.departmentIds)].sort().join(',');
}

/** The scope a queue room stands for; null for any other room. */
export function queueScopeOfRoom(room: string): QueueScope | null {
  if (room === QUEUE_ALL) return { kind: 'all' };
  if (!room.startsWith(QUEUE_DEPARTMENTS)) return null;
  const list = room.slice(QUEUE_DEPARTMENTS.length);
  return { kind: 'departments', departmentIds: list === '' ? [] : list.split(',') };
}
