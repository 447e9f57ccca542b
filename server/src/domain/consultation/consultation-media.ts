import type { MediaRoomApi, SfuApi } from '@madoguchi/sfu';
import type { DtlsParametersJson, IceParametersJson, IceProtocol, RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import type { JoinRoomResult, MediaFailure, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ProducePayload } from '@madoguchi/contract/signalling-schemas';
import { createLogger } from '../../logging/logger';
import { AppError } from '../app-error';
import type { Consultation, Participant } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { rolesWithoutMedia } from '../media-failure';
import { peerIdOf, peerRoleOf } from '../peer-identity';
import type { CallEnding, ConsultationObserver } from './call-ending';
import type { ConsultationTimeline } from './consultation-timeline';
import { DeskStandby } from './desk-standby';
import type { LiveConsultations } from './live-registry';

const log = createLogger('consultation-service');

export interface ConsultationMediaOptions {
  live: LiveConsultations;
  timeline: ConsultationTimeline;
  sfu: SfuApi;
  notifier: ConsultationNotifier;
  ending: Pick<CallEnding, 'end'>;
  observer?: ConsultationObserver | undefined;
  /** Told when a participant joins a consultation again after losing their connection. */
  onRejoin?: (() => void) | undefined;
}

export type JoinAnswer = JoinRoomResult & { afterAck: () => Promise<void> };

/**
 * Each answered call's media room on the SFU: participants join it (again), connect their
 * transports, send and stop tracks and are offered each other's; a room lost with its worker
 * is rebuilt; a call where no media flows ends as media_failed.
 */
export class ConsultationMedia {
  /** Desks' transports made before they answer (desk-standby.ts). */
  readonly standby: DeskStandby;

  constructor(private readonly options: ConsultationMediaOptions) {
    this.standby = new DeskStandby({ live: options.live, sfu: options.sfu });
    options.sfu.onRoomsFailed((roomIds) => {
      for (const id of roomIds) void this.recoverRoom(id);
    });
  }

  /**
   * The call was answered (or taken over from a lost node): its room opens on this node. A
   * kiosk that joined while it waited (join-tuning queuedJoin) has made it already, with its
   * media in it; from here the room is the call's (captions, consumer notifications).
   */
  async openRoom(consultation: Consultation): Promise<void> {
    this.watchRoom(consultation, await this.roomOrNew(consultation.id));
    if (consultation.staff) this.standby.answered(consultation.id, peerIdOf({ role: 'staff', id: consultation.staff.id }));
  }

  async join(
    principal: SocketPrincipal,
    socketId: string,
    { consultationId, rtpCapabilities, iceProtocol = 'any' }: { consultationId: string; rtpCapabilities: RtpCapabilitiesJson; iceProtocol?: IceProtocol | undefined },
    { withAccept = false }: { withAccept?: boolean } = {},
  ): Promise<JoinAnswer> {
    const { live, notifier, timeline } = this.options;
    return live.mutex.run(consultationId, async () => {
      const consultation = live.participantOf(principal, consultationId);
      // The kiosk knows it will send: it may build its transports and produce while it waits, so
      // the specialist's picture and the kiosk's are not held up by DTLS and a produce after the
      // accept. Nothing is forwarded before the accept: nobody else is in the room. Its end
      // (cancel, grace period, transfer) closes the room like any other.
      const waitingKiosk = consultation.state === 'queued' && principal.role === 'kiosk';
      if (consultation.state !== 'active' && !waitingKiosk) throw AppError.invalidState('the call has not been answered yet');
      const room = waitingKiosk ? await this.roomOrNew(consultationId) : this.room(consultationId);
      const peerId = peerIdOf(principal);
      const participant: Participant = {
        role: peerRoleOf(principal),
        peerId,
        displayName: principal.displayName,
        socketId,
        ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
      };
      const rejoin = consultation.participants.has(peerId);
      consultation.stopGraceTimer(peerId);
      // The desk that stood by for this call (from this socket) goes on with its connected transports
      // when it joins with its accept: that is when its console hands its standby media to the call.
      // A later joinRoom (a reconnect, ICE over TCP) makes fresh ones, as the console does.
      const standby = this.standby.take(consultationId, peerId, socketId, room);
      const stoodBy = withAccept && iceProtocol !== 'tcp' ? standby : null;
      if (!stoodBy) room.addPeer({ peerId, role: participant.role, rtpCapabilities });
      consultation.participants.set(peerId, participant);
      notifier.addToConsultation(socketId, consultationId);
      const sendTransport = stoodBy?.sendTransport ?? (await room.createTransport(peerId, 'send', iceProtocol));
      const recvTransport = stoodBy?.recvTransport ?? (await room.createTransport(peerId, 'recv', iceProtocol));
      log.info({ consultationId, role: participant.role, rejoin, iceProtocol, stoodBy: stoodBy !== null }, 'participant joined');
      if (iceProtocol === 'tcp') {
        // A failure reported meanwhile (the other side gave up first) is not undone by a late retry.
        consultation.mediaFlag ??= 'tcp_fallback';
        timeline.record(consultationId, 'media_tcp_fallback', participant.role);
      }
      timeline.record(consultationId, rejoin ? 'reconnected' : 'joined', participant.role);
      if (rejoin) this.options.onRejoin?.();
      notifier.peerJoined(
        consultationId,
        participant.guestKind ? { role: participant.role, displayName: participant.displayName, guestKind: participant.guestKind } : { role: participant.role, displayName: participant.displayName },
      );
      const peers = consultation.peers().filter((p) => p.role !== participant.role);
      // Existing media is offered only after the join ack, when the client has its transports.
      const afterAck = async (): Promise<void> => {
        for (const producer of room.producersFor(peerId)) {
          await this.offerConsumer(consultation, room, participant, producer.producerId);
        }
      };
      return { sendTransport, recvTransport, peers, afterAck };
    });
  }

  async connectTransport(principal: SocketPrincipal, socketId: string, consultationId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void> {
    // A desk standing by connects its own transports before it is a participant; nothing else.
    if (this.standby.owns(socketId, consultationId, transportId) !== peerIdOf(principal)) this.options.live.participantOf(principal, consultationId);
    await this.room(consultationId).connectTransport(peerIdOf(principal), transportId, dtlsParameters);
  }

  async restartIce(principal: SocketPrincipal, consultationId: string, transportId: string): Promise<IceParametersJson> {
    this.options.live.participantOf(principal, consultationId);
    return this.room(consultationId).restartIce(peerIdOf(principal), transportId);
  }

  async produce(principal: SocketPrincipal, payload: ProducePayload): Promise<{ producerId: string }> {
    const { consultationId } = payload;
    const consultation = this.options.live.participantOf(principal, consultationId);
    const room = this.room(consultationId);
    const peerId = peerIdOf(principal);
    const producer = await this.options.live.mutex.run(consultationId, () =>
      room.produce({ peerId, transportId: payload.transportId, kind: payload.kind, source: payload.source, rtpParameters: payload.rtpParameters }),
    );
    // The producer id lets the timeline name what a later producer_stopped stopped.
    this.options.timeline.record(consultationId, 'producer_started', peerRoleOf(principal), { producerId: producer.producerId, source: payload.source, kind: payload.kind });
    // Offered after this ack returns, so the producer exists on both ends first.
    setImmediate(() => {
      for (const other of consultation.participants.values()) {
        if (other.peerId === peerId) continue;
        void this.offerConsumer(consultation, room, other, producer.producerId);
      }
    });
    return { producerId: producer.producerId };
  }

  async closeProducer(principal: SocketPrincipal, consultationId: string, producerId: string): Promise<void> {
    this.options.live.participantOf(principal, consultationId);
    this.room(consultationId).closeProducer(peerIdOf(principal), producerId);
    this.options.timeline.record(consultationId, 'producer_stopped', peerRoleOf(principal), { producerId });
  }

  /** A participant left for good (a guest): their transports and tracks go. */
  removePeer(consultationId: string, peerId: string): void {
    this.options.sfu.getRoom(consultationId)?.removePeer(peerId);
  }

  /**
   * A participant got no media through, over UDP and then over TCP. The server checks the
   * transports itself: the call ends as media_failed naming whoever has none, unless by now
   * everyone's media does flow (then nothing ends and the answer names no one).
   */
  async reportMediaFailure(principal: SocketPrincipal, consultationId: string): Promise<MediaFailure> {
    const consultation = this.options.live.requireActiveParticipant(principal, consultationId);
    const failedRoles = rolesWithoutMedia(consultation, this.room(consultationId));
    if (failedRoles.length === 0) return { failedRoles };
    log.warn({ consultationId, failedRoles, reporter: peerRoleOf(principal) }, 'no media flowed; ending the call');
    consultation.mediaFlag = 'media_failed';
    this.options.timeline.record(consultationId, 'media_failed', peerRoleOf(principal), { failedRoles });
    await this.options.ending.end(consultationId, 'media_failed', { failedRoles });
    return { failedRoles };
  }

  private async offerConsumer(consultation: Consultation, room: MediaRoomApi, participant: Participant, producerId: string): Promise<void> {
    const socketId = participant.socketId;
    if (!socketId || room.closed) return;
    try {
      const consumer = await room.consume({ peerId: participant.peerId, producerId });
      if (!consumer) return;
      const accepted = await this.options.notifier.requestConsumer(socketId, { ...consumer, consultationId: consultation.id });
      if (accepted && !room.closed) await room.resumeConsumer(participant.peerId, consumer.consumerId);
    } catch (error) {
      log.warn({ err: error, consultationId: consultation.id }, 'offering a consumer failed');
    }
  }

  private watchRoom(consultation: Consultation, room: MediaRoomApi): void {
    this.options.observer?.roomOpened(consultation, room);
    room.on('consumerClosed', (peerId, consumerId) => {
      const socketId = consultation.participants.get(peerId)?.socketId;
      if (socketId) this.options.notifier.consumerClosed(socketId, { consultationId: consultation.id, consumerId });
    });
  }

  /**
   * A media worker died and took this call's room with it. The pool starts a new worker; the
   * call gets a new room there, and its participants' apps are made to reconnect, which makes
   * them join the call again: same consultation, same record, media back in a few seconds.
   */
  private async recoverRoom(consultationId: string): Promise<void> {
    const { live, sfu } = this.options;
    try {
      await live.mutex.run(consultationId, async () => {
        const consultation = live.find(consultationId);
        if (!consultation || consultation.state !== 'active') return;
        const deadline = Date.now() + 10_000;
        let room: MediaRoomApi | null = null;
        while (!room) {
          try {
            room = await sfu.createRoom(consultationId);
          } catch (error) {
            // The replacement worker may still be starting.
            if (Date.now() > deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        this.watchRoom(consultation, room);
        log.warn({ consultationId }, 'media room rebuilt after a worker failure');
        this.options.timeline.record(consultationId, 'media_restarted', 'system');
        for (const participant of consultation.participants.values()) {
          if (participant.socketId) this.options.notifier.dropConnection(participant.socketId);
        }
      });
    } catch (error) {
      log.error({ err: error, consultationId }, 'could not rebuild the media room');
      await this.options.ending.end(consultationId, 'network_lost').catch(() => undefined);
    }
  }

  /** The consultation's media room, created on first need (a waiting kiosk's join, or the accept). */
  private async roomOrNew(consultationId: string): Promise<MediaRoomApi> {
    return this.options.sfu.getRoom(consultationId) ?? (await this.options.sfu.createRoom(consultationId));
  }

  private room(consultationId: string): MediaRoomApi {
    const room = this.options.sfu.getRoom(consultationId);
    if (!room) throw AppError.invalidState('the call has no media room');
    return room;
  }
}
