import { defineHandler } from '../signalling-types';

/** The connection check's five requests: a loopback through the SFU, one socket's own. */
export const startMediaCheck = defineHandler('startMediaCheck', {
  run: ({ socketId, mediaChecks }, { protocol, rtpCapabilities }) => mediaChecks.start(socketId, protocol, rtpCapabilities),
});

export const connectMediaCheck = defineHandler('connectMediaCheck', {
  run: async ({ socketId, mediaChecks }, { checkId, transportId, dtlsParameters }) => {
    await mediaChecks.connect(socketId, checkId, transportId, dtlsParameters);
    return null;
  },
});

export const produceMediaCheck = defineHandler('produceMediaCheck', {
  run: ({ socketId, mediaChecks }, payload) => mediaChecks.produce(socketId, payload),
});

export const resumeMediaCheck = defineHandler('resumeMediaCheck', {
  run: async ({ socketId, mediaChecks }, { checkId, consumerId }) => {
    await mediaChecks.resume(socketId, checkId, consumerId);
    return null;
  },
});

export const endMediaCheck = defineHandler('endMediaCheck', {
  run: async ({ mediaChecks, socketId }, { checkId }) => {
    mediaChecks.stop(socketId, checkId);
    return null;
  },
});
