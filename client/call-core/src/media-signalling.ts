import type { CallMediaSignalling } from './call-media';
import { request } from './signalling';
import type { SignallingSocket } from './signalling';

/**
 * The one place where mediasoup-client's transport events ('connect', 'produce') and ICE
 * restarts become socket requests for one call.
 */
export function createMediaSignalling(
  socket: SignallingSocket,
  consultationId: string,
  timeoutMs: number | undefined,
): CallMediaSignalling {
  return {
    async connectTransport(transportId, dtlsParameters) {
      await request(socket, 'connectTransport', { consultationId, transportId, dtlsParameters }, timeoutMs);
    },
    async produce(options) {
      const { producerId } = await request(socket, 'produce', { consultationId, ...options }, timeoutMs);
      return producerId;
    },
    async restartIce(transportId) {
      const { iceParameters } = await request(socket, 'restartIce', { consultationId, transportId }, timeoutMs);
      return iceParameters;
    },
    async closeProducer(producerId) {
      await request(socket, 'closeProducer', { consultationId, producerId }, timeoutMs);
    },
  };
}
