import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSfu } from '@madoguchi/sfu';

/** The router's codec order is what mediasoup-client follows when a browser produces video. */
describe('MEDIA_VIDEO_CODEC: the video codec browsers send (issue 16, item 4)', () => {
  for (const [preferred, first, second] of [
    ['vp8', 'video/VP8', 'video/H264'],
    ['h264', 'video/H264', 'video/VP8'],
  ] as const) {
    it(`${preferred}: routers offer ${first} first and still ${second} for browsers without it`, async () => {
      const sfu = await createSfu({ workers: 1, listenIp: '127.0.0.1', rtcMinPort: 20000, rtcMaxPort: 29999, preferredVideoCodec: preferred });
      try {
        // The contract carries capabilities opaquely; mediasoup's shape is { codecs: [{ mimeType }] }.
        const { codecs } = sfu.routerRtpCapabilities as unknown as { codecs: { mimeType: string }[] };
        const video = codecs.map((codec) => codec.mimeType).filter((mime) => mime.startsWith('video/') && mime !== 'video/rtx');
        assert.deepEqual(video, [first, second]);
        const room = await sfu.createRoom('codec-order');
        room.close();
      } finally {
        await sfu.close();
      }
    });
  }
});
