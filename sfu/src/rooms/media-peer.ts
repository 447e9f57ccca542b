import type { types } from 'mediasoup';
import type { PeerRole, RtpCapabilitiesJson } from '@madoguchi/contract/media';
import { SfuError } from '../errors';
import type { RoomRouter } from './room-routers';

/** Browsers get WebRTC transports; load generators in benchmarks get plain RTP ones. */
export type PeerTransport = types.WebRtcTransport | types.PlainTransport;

export interface MediaPeerOptions {
  id: string;
  role: PeerRole;
  rtpCapabilities: RtpCapabilitiesJson;
  /** The room's router on the worker this peer was placed on; its transports live there. */
  site: RoomRouter;
}

/** One participant's media objects inside a room; the room owns it. */
export class MediaPeer {
  readonly transports = new Map<string, PeerTransport>();
  readonly producers = new Map<string, types.Producer>();
  readonly consumers = new Map<string, types.Consumer>();
  readonly id: string;
  readonly role: PeerRole;
  readonly rtpCapabilities: RtpCapabilitiesJson;
  readonly site: RoomRouter;

  constructor({ id, role, rtpCapabilities, site }: MediaPeerOptions) {
    this.id = id;
    this.role = role;
    this.rtpCapabilities = rtpCapabilities;
    this.site = site;
  }

  transport(transportId: string): PeerTransport {
    const transport = this.transports.get(transportId);
    if (!transport) throw SfuError.notFound(`transport ${transportId}`);
    return transport;
  }

  webRtcTransport(transportId: string): types.WebRtcTransport {
    const transport = this.transport(transportId);
    if (!('iceParameters' in transport)) throw new SfuError('BAD_REQUEST', `transport ${transportId} is not a WebRTC transport`);
    return transport;
  }

  plainTransport(transportId: string): types.PlainTransport {
    const transport = this.transport(transportId);
    if (!('tuple' in transport)) throw new SfuError('BAD_REQUEST', `transport ${transportId} is not a plain transport`);
    return transport;
  }

  /** The receiving transport: the one this peer created with direction 'recv'. */
  recvTransport(): PeerTransport {
    for (const transport of this.transports.values()) {
      if (transport.appData['direction'] === 'recv') return transport;
    }
    throw new SfuError('INVALID_STATE', 'peer has no receive transport yet');
  }

  close(): void {
    // Closing a transport closes its producers and consumers with it.
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
  }
}
