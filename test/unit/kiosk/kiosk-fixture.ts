// The kiosk controller as the unit tests drive it: the real controller and call core over the
// fake Socket.IO server, with a device exchange that answers at once and a fixed kiosk config.
import type { KioskConfig } from '@madoguchi/contract/kiosks';
import { KioskController, type KioskControllerOptions } from '../../../kiosk/src/visit/kiosk-controller';
import { FakeServer, fakeDevice, fakeLocalMedia, tracked, until } from '../call-core/fake-signalling';

export const KIOSK_CONFIG: KioskConfig = {
  kiosk: { id: 'k1', name: '中央図書館', location: '1階', address: '', cameraRoles: { documentCameraId: null, faceCameraId: null } },
  departments: [],
  alternatives: { counterPhone: '', openingHours: '', bookHere: [] },
};

/** A kiosk server that queues a resident at place 2 and answers heartbeats and surveys. */
export function kioskServer(): FakeServer {
  const server = new FakeServer('kiosk');
  server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 2 }));
  server.handle('heartbeat', () => null);
  server.handle('submitSurvey', () => null);
  server.handle('reportDeviceProblem', () => null);
  return server;
}

/** `connections` adds to (or replaces parts of) the default connections; the rest of `options` replaces. */
export function controllerOn(
  server: FakeServer,
  options: Partial<KioskControllerOptions> = {},
  connections: Partial<KioskControllerOptions['connections']> = {},
): KioskController {
  return tracked(
    new KioskController({
      credential: 'device-credential',
      connections: {
        exchangeCredential: async () => ({ accessToken: 'kiosk-token', expiresInSeconds: 3600, kiosk: { id: 'k1', name: '中央図書館', location: '1階' } }),
        fetchConfig: async () => KIOSK_CONFIG,
        call: { createSocket: server.createSocket, createDevice: fakeDevice, acquireMedia: fakeLocalMedia().acquire, requestTimeoutMs: 1_000 },
        ...connections,
      },
      ...options,
    }),
  );
}

/** Started and at Idle with its config. */
export async function startIdle(controller: KioskController): Promise<void> {
  await controller.start();
  await until(() => controller.getSnapshot().state.name === 'idle' && controller.getSnapshot().config !== null, 'idle with its config');
}
