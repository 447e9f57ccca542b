import type { Ack } from '@madoguchi/contract/ack';
import type { ConsultationNotifier } from '../domain/consultation-notifier';
import type { ClusterLink } from '../cluster/cluster-link';
import { consultationRoom, isGuestPeer, kioskPeer, peerRoom } from '../domain/room-names';
import type { SignallingServer } from './signalling-types';

const CONSUMER_ACK_TIMEOUT_MS = 10_000;

/** Delivers the domain's notifications over Socket.IO rooms. */
export function createSocketNotifier(io: SignallingServer, cluster: ClusterLink): ConsultationNotifier {
  // After the current turn, so the ack or event just written goes out before the close.
  const closePeer = (peerId: string): void => {
    setImmediate(() => io.in(peerRoom(peerId)).disconnectSockets(true));
  };
  return {
    // Staff everywhere see the union of every node's queue; the cluster link merges and delivers it.
    queueChanged: (queue) => cluster.publishLocalQueue(queue),
    callAccepted: (kioskId, payload) => void io.to(peerRoom(kioskPeer(kioskId))).emit('callAccepted', payload),
    peerJoined: (consultationId, peer) => void io.to(consultationRoom(consultationId)).emit('peerJoined', { consultationId, peer }),
    peerLeft: (consultationId, role) => void io.to(consultationRoom(consultationId)).emit('peerLeft', { consultationId, role }),
    callEnded: (consultationId, peerIds, reason, failedRoles) => {
      io.to(peerIds.map(peerRoom)).emit('callEnded', failedRoles ? { consultationId, reason, failedRoles } : { consultationId, reason });
      io.in(consultationRoom(consultationId)).socketsLeave(consultationRoom(consultationId));
      // A guest link opens this one call: once it is over, the guest's socket has no purpose.
      for (const peerId of peerIds.filter(isGuestPeer)) closePeer(peerId);
    },
    closePeer: (peerId) => closePeer(peerId),
    consumerClosed: (socketId, payload) => void io.to(socketId).emit('consumerClosed', payload),
    addToConsultation: (socketId, consultationId) => io.in(socketId).socketsJoin(consultationRoom(consultationId)),
    dropConnection(socketId) {
      void io
        .in(socketId)
        .fetchSockets()
        .then((sockets) => {
          // A transport close (unlike a server disconnect) makes Socket.IO clients reconnect by themselves.
          for (const socket of sockets) (socket as unknown as { conn?: { close(): void } }).conn?.close();
        });
    },
    toPeers(peerIds, event, payload) {
      // The event name is generic here; each call site is typed through InCallPayload.
      const target = io.to(peerIds.map(peerRoom)) as unknown as { emit(e: string, p: unknown): boolean };
      target.emit(event, payload);
    },
    async requestConsumer(socketId, payload) {
      try {
        const responses = (await io
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
