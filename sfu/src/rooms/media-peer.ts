import type { types } from 'mediasoup';
import type { PeerRole, RtpCapabilitiesJson } from '@contract/media-types';
import { SfuError } from '../errors';

/** One participant's media objects inside a room; the room owns it. */
export class MediaPeer {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, types.Producer>();
  readonly consumers = new Map<string, types.Consumer>();

  constructor(
    readonly id: string,
    readonly role: PeerRole,
    readonly rtpCapabilities: RtpCapabilitiesJson,
  ) {}

  transport(transportId: string): types.WebRtcTransport {
    const transport = this.transports.get(transportId);
    if (!transport) throw SfuError.notFound(`transport ${transportId}`);
    return transport;
  }

  /** The receiving transport: the one this peer created with direction 'recv'. */
  recvTransport(): types.WebRtcTransport {
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
