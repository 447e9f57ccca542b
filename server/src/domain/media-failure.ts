import type { MediaRoomApi } from '@madoguchi/sfu';
import type { PeerRole } from '@madoguchi/contract/media-types';
import type { Consultation } from './consultation';

/**
 * The roles in the call whose transports carry no media, as the SFU sees them: a side whose
 * own path works but that receives nothing is not the one to blame, its peer is.
 */
export function rolesWithoutMedia(consultation: Consultation, room: MediaRoomApi): PeerRole[] {
  const failed = new Set<PeerRole>();
  for (const participant of consultation.participants.values()) {
    const path = room.peerMediaPath(participant.peerId);
    if (!path?.connected) failed.add(participant.role);
  }
  return [...failed];
}
