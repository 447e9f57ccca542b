import type { PeerRole } from '@madoguchi/contract/media-types';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import { peerId, peerRoom } from './room-names';

/** The part a principal plays in a call: admins take calls as staff. */
export const peerRoleOf = (principal: SocketPrincipal): PeerRole =>
  principal.role === 'kiosk' ? 'kiosk' : principal.role === 'guest' ? 'guest' : 'staff';

/** `kiosk:<id>`, `staff:<id>` or `guest:<linkId>`: the SFU peer id and the socket room suffix. */
export const peerIdOf = (principal: Pick<SocketPrincipal, 'role' | 'id'>): string =>
  peerId(principal.role === 'kiosk' ? 'kiosk' : principal.role === 'guest' ? 'guest' : 'staff', principal.id);

/** The room holding every socket of this principal, whatever its role. */
export const principalRoom = (principal: Pick<SocketPrincipal, 'role' | 'id'>): string => peerRoom(peerIdOf(principal));
