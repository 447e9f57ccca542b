import type { CallMediaSignalling } from './call-media';
import { request } from './signalling';
import type { SignallingSocket } from './signalling';

/**
 * The one place where mediasoup-client's transport events ('connect', 'produce') and ICE
 * restarts become socket requests for one call.
 */
export function createMediaSignalling(
  socket: SignallingSocket,
  sessionId: string,
  timeoutMs: number | undefined,
): CallMediaSignalling {
  return {
    async connectTransport(transportId, dtlsParameters) {
      await request(socket, 'connectTransport', { sessionId, transportId, dtlsParameters }, timeoutMs);
    },
    async produce(options) {
      const { producerId } = await request(socket, 'produce', { sessionId, ...options }, timeoutMs);
      return producerId;
    },
    async restartIce(transportId) {
      const { iceParameters } = await request(socket, 'restartIce', { sessionId, transportId }, timeoutMs);
      return iceParameters;
    },
    async closeProducer(producerId) {
      await request(socket, 'closeProducer', { sessionId, producerId }, timeoutMs);
    },
  };
}
