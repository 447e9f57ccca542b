import type { MediaRoomApi, SfuApi } from '@madoguchi/sfu';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import type { SocketPrincipal, StandbyTransports } from '@madoguchi/contract/signalling-events';
import { createLogger } from '../../logging/logger';
import { AppError } from '../app-error';
import { peerIdOf, peerRoleOf } from '../peer-identity';
import { mayServe } from '../queue-scope';
import type { LiveConsultations } from './live-registry';

const log = createLogger('desk-standby');

interface Standby extends StandbyTransports {
  consultationId: string;
  peerId: string;
}

export interface DeskStandbyOptions {
  live: LiveConsultations;
  sfu: SfuApi;
}

/**
 * A desk's transports made before it answers (join-tuning deskStandby): while a resident it may
 * answer waits at the head of its queue, the console gets its two transports in that call's room
 * and brings them through ICE + DTLS, so 「応答」 finds them connected. A standby is a transport
 * holder, not a participant: it is offered nothing, sends nothing the room forwards, is not on
 * the timeline, and the kiosk is not told. The accept that wins turns the winner's standby into
 * its join; every other desk's standby for that call goes at once.
 *
 * One standby per socket: a new one (the head of the queue changed) replaces it, and it goes
 * with the socket.
 */
export class DeskStandby {
  private readonly bySocket = new Map<string, Standby>();
  /** The standBy() under way per socket: a release meanwhile makes it undo itself. */
  private readonly pending = new Map<string, symbol>();

  constructor(private readonly options: DeskStandbyOptions) {}

  /** Makes (or replaces) this socket's standby for a waiting resident; refused unless this desk could answer them here. */
  async standBy(principal: SocketPrincipal, socketId: string, consultationId: string, rtpCapabilities: RtpCapabilitiesJson): Promise<StandbyTransports> {
    this.release(socketId);
    const ticket = Symbol(socketId);
    this.pending.set(socketId, ticket);
    const { live, sfu } = this.options;
    const peerId = peerIdOf(principal);
    return live.mutex.run(consultationId, async () => {
      const consultation = live.find(consultationId);
      // Held by another node (or gone): the accept joins there, as without a standby.
      if (!consultation) throw new AppError(ErrorCode.Unavailable, 'this resident is not waiting on this server node');
      if (consultation.state !== 'queued') throw new AppError(ErrorCode.AlreadyTaken, 'someone else has answered this resident, or they left');
      if (!mayServe(principal, consultation.intake.departmentId)) throw AppError.forbidden('this resident is waiting for another department');
      // Another console of the same member stood by for this call: the room has one peer per member.
      for (const [otherSocket, other] of this.bySocket) {
        if (other.consultationId === consultationId && other.peerId === peerId) this.bySocket.delete(otherSocket);
      }
      const room = sfu.getRoom(consultationId) ?? (await sfu.createRoom(consultationId));
      room.addPeer({ peerId, role: peerRoleOf(principal), rtpCapabilities });
      try {
        const sendTransport = await room.createTransport(peerId, 'send');
        const recvTransport = await room.createTransport(peerId, 'recv');
        if (this.pending.get(socketId) !== ticket) throw AppError.invalidState('the console left or stood by for another resident meanwhile');
        this.bySocket.set(socketId, { consultationId, peerId, sendTransport, recvTransport });
        log.debug({ consultationId }, 'desk standing by');
        return { sendTransport, recvTransport };
      } catch (error) {
        if (!consultation.isParticipant(peerId) && !room.closed) room.removePeer(peerId);
        throw error;
      } finally {
        if (this.pending.get(socketId) === ticket) this.pending.delete(socketId);
      }
    });
  }

  /** The socket's standby goes (a new head of the queue, 離席中, no resident waiting, the socket closed). */
  release(socketId: string): void {
    this.pending.delete(socketId);
    const standby = this.bySocket.get(socketId);
    if (!standby) return;
    this.bySocket.delete(socketId);
    this.removeFromRoom(standby);
  }

  /**
   * The accept won and the winner joins: its standby's transports become the join's if it
   * stood by for this call from this socket and they are still in the room. Null otherwise.
   */
  take(consultationId: string, peerId: string, socketId: string, room: MediaRoomApi): StandbyTransports | null {
    const standby = this.bySocket.get(socketId);
    if (!standby || standby.consultationId !== consultationId || standby.peerId !== peerId) return null;
    this.bySocket.delete(socketId);
    if (!room.hasPeer(peerId)) return null;
    return { sendTransport: standby.sendTransport, recvTransport: standby.recvTransport };
  }

  /** The call was answered by `winnerPeerId`: every other desk's standby for it goes. */
  answered(consultationId: string, winnerPeerId: string): void {
    for (const [socketId, standby] of this.bySocket) {
      if (standby.consultationId !== consultationId || standby.peerId === winnerPeerId) continue;
      this.bySocket.delete(socketId);
      this.removeFromRoom(standby);
    }
  }

  /** Whether `transportId` is one of this socket's standby transports for the call (connectTransport before the accept). */
  owns(socketId: string, consultationId: string, transportId: string): string | null {
    const standby = this.bySocket.get(socketId);
    if (!standby || standby.consultationId !== consultationId) return null;
    return standby.sendTransport.id === transportId || standby.recvTransport.id === transportId ? standby.peerId : null;
  }

  private removeFromRoom(standby: Standby): void {
    const room = this.options.sfu.getRoom(standby.consultationId);
    // Joined meanwhile (the accept took it another way): the peer is the participant's now.
    if (!room || room.closed || this.options.live.find(standby.consultationId)?.isParticipant(standby.peerId)) return;
    room.removePeer(standby.peerId);
  }
}
