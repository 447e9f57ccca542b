import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import {
  ConnectMediaCheckPayload,
  MediaCheckConsumerPayload,
  MediaCheckPayload,
  ProduceMediaCheckPayload,
  StartMediaCheckPayload,
} from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

/** The connection check's five requests: a loopback through the SFU, one socket's own. */
export const startMediaCheck = defineHandler({
  event: 'startMediaCheck',
  schema: StartMediaCheckPayload,
  roles: SOCKET_PERMISSIONS.startMediaCheck,
  run: ({ socketId, mediaChecks }, { protocol, rtpCapabilities }) => mediaChecks.start(socketId, protocol, rtpCapabilities),
});

export const connectMediaCheck = defineHandler({
  event: 'connectMediaCheck',
  schema: ConnectMediaCheckPayload,
  roles: SOCKET_PERMISSIONS.connectMediaCheck,
  run: async ({ socketId, mediaChecks }, { checkId, transportId, dtlsParameters }) => {
    await mediaChecks.connect(socketId, checkId, transportId, dtlsParameters);
    return null;
  },
});

export const produceMediaCheck = defineHandler({
  event: 'produceMediaCheck',
  schema: ProduceMediaCheckPayload,
  roles: SOCKET_PERMISSIONS.produceMediaCheck,
  run: ({ socketId, mediaChecks }, payload) => mediaChecks.produce(socketId, payload),
});

export const resumeMediaCheck = defineHandler({
  event: 'resumeMediaCheck',
  schema: MediaCheckConsumerPayload,
  roles: SOCKET_PERMISSIONS.resumeMediaCheck,
  run: async ({ socketId, mediaChecks }, { checkId, consumerId }) => {
    await mediaChecks.resume(socketId, checkId, consumerId);
    return null;
  },
});

export const endMediaCheck = defineHandler({
  event: 'endMediaCheck',
  schema: MediaCheckPayload,
  roles: SOCKET_PERMISSIONS.endMediaCheck,
  run: async ({ mediaChecks, socketId }, { checkId }) => {
    mediaChecks.stop(socketId, checkId);
    return null;
  },
});
