import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Decoded frames per inbound video stream (by SSRC) of the page's open peer connections. */
const VIDEO_STREAMS = `(async () => {
  const frames = {};
  for (const pc of window.__peerConnections) {
    if (pc.connectionState === 'closed') continue;
    const stats = await pc.getStats();
    stats.forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames[String(r.ssrc)] = Number(r.framesDecoded || 0); });
  }
  return frames;
})()`;

export const videoStreams = (page: Page): Promise<Record<string, number>> => page.evaluate(VIDEO_STREAMS);

/**
 * Seconds from `since` until `page` decodes 5 frames of a video stream it did not have in
 * `before`: media flowing again after a call moved (new transports, new SSRCs).
 */
export async function secondsUntilNewStream(page: Page, before: Record<string, number>, since: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await videoStreams(page);
    if (Object.entries(now).some(([ssrc, frames]) => !(ssrc in before) && frames > 5)) return (Date.now() - since) / 1000;
    assert.ok(Date.now() < deadline, `no new video stream decoded: ${JSON.stringify(now)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
