import type { Ack } from '@madoguchi/contract/ack';
import type { ConsultationNotifier } from '../domain/consultation-notifier';
import type { ClusterLink } from '../cluster/cluster-link';
import { consultationRoom, isGuestPeer, kioskPeer, peerRoom } from '../domain/room-names';
import type { SignallingServer } from './signalling-types';

const CONSUMER_ACK_TIMEOUT_MS = 10_000;

/** Delivers the domain's notifications over Socket.IO rooms. */
export function createSocketNotifier(getIo: () => SignallingServer, getCluster: () => ClusterLink): ConsultationNotifier {
  // After the current turn, so the ack or event just written goes out before the close.
  const closePeer = (peerId: string): void => {
    setImmediate(() => getIo().in(peerRoom(peerId)).disconnectSockets(true));
  };
  return {
    // Staff everywhere see the union of every node's queue; the cluster link merges and delivers it.
    queueChanged: (queue) => getCluster().publishLocalQueue(queue),
    callAccepted: (kioskId, payload) => void getIo().to(peerRoom(kioskPeer(kioskId))).emit('callAccepted', payload),
    peerJoined: (sessionId, peer) => void getIo().to(consultationRoom(sessionId)).emit('peerJoined', { sessionId, peer }),
    peerLeft: (sessionId, role) => void getIo().to(consultationRoom(sessionId)).emit('peerLeft', { sessionId, role }),
    callEnded: (sessionId, peerIds, reason, failedRoles) => {
      const io = getIo();
      io.to(peerIds.map(peerRoom)).emit('callEnded', failedRoles ? { sessionId, reason, failedRoles } : { sessionId, reason });
      io.in(consultationRoom(sessionId)).socketsLeave(consultationRoom(sessionId));
      // A guest link opens this one call: once it is over, the guest's socket has no purpose.
      for (const peerId of peerIds.filter(isGuestPeer)) closePeer(peerId);
    },
    closePeer: (peerId) => closePeer(peerId),
    consumerClosed: (socketId, payload) => void getIo().to(socketId).emit('consumerClosed', payload),
    addToConsultation: (socketId, sessionId) => getIo().in(socketId).socketsJoin(consultationRoom(sessionId)),
    dropConnection(socketId) {
      void getIo()
        .in(socketId)
        .fetchSockets()
        .then((sockets) => {
          // A transport close (unlike a server disconnect) makes Socket.IO clients reconnect by themselves.
          for (const socket of sockets) (socket as unknown as { conn?: { close(): void } }).conn?.close();
        });
    },
    toPeers(peerIds, event, payload) {
      // The event name is generic here; each call site is typed through InCallPayload.
      const target = getIo().to(peerIds.map(peerRoom)) as unknown as { emit(e: string, p: unknown): boolean };
      target.emit(event, payload);
    },
    async requestConsumer(socketId, payload) {
      try {
        const responses = (await getIo()
          .to(socketId)
          .timeout(CONSUMER_ACK_TIMEOUT_MS)
          .emitWithAck('newConsumer', payload)) as Ack<null>[];
        return responses.length > 0 && responses.every((response) => response?.ok === true);
      } catch {
        return false;
      }
    },
  };
}
