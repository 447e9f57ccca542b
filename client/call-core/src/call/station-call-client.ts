import type { ResumableCall, ResumeCallResult } from '@madoguchi/contract/signalling-events';
import { CallError } from '../call-error';
import type { CallInfo } from '../call-types';
import { createLogger } from '../logger';
import { checkMediaPath, type MediaPathResult } from '../media-check';
import type { ActiveCall } from './active-call';
import { CallClient } from './call-client';

const logger = createLogger('call-client');

/**
 * A kiosk or a desk: a fixed place that picks its call up again after a reload and runs the
 * connection check. A guest has neither.
 */
export abstract class StationCallClient extends CallClient {
  /** The server's view of this kiosk's or desk's live call (after a reload), or how `sessionId` ended. */
  askResume(sessionId?: string): Promise<ResumeCallResult> {
    this.assertConnected();
    return this.request('resumeCall', sessionId ? { sessionId } : {});
  }

  /** Goes back into a call the server still holds for us: a waiting kiosk waits on, an answered call is joined again. */
  async resumeCall(live: ResumableCall): Promise<void> {
    const answered = live.state === 'active';
    const info: CallInfo = { sessionId: live.sessionId, peerName: live.peerName, peerLocation: live.peerLocation, queuePosition: live.queuePosition, answered };
    const call = this.beginCall(info, answered ? 'answered' : 'queued');
    logger.info('resuming a call after a reload', { sessionId: live.sessionId, state: live.state });
    if (!answered) return this.onWaiting(call);
    if (live.mediaNodeUrl) {
      await this.openHolder(call, live.mediaNodeUrl);
      if (this.active !== call) return;
    }
    await this.room.join(call);
  }

  /** A reload found this station's resident still waiting (only a kiosk waits). */
  protected onWaiting(_call: ActiveCall): void {}

  /**
   * The connection check: sends `track` to the SFU and back over UDP only or TCP only, outside
   * any call. Resolves with what was measured; never while a call is in progress.
   */
  async checkMediaPath(protocol: 'udp' | 'tcp', track: MediaStreamTrack): Promise<MediaPathResult> {
    const { connection, serverInfo } = this.getSnapshot();
    if (connection !== 'connected' || !serverInfo) throw CallError.unavailable('not connected to the server');
    if (this.active) throw CallError.invalidState('a call is in progress');
    const device = await this.loadDevice();
    return checkMediaPath({
      socket: this.connection.socket,
      device,
      protocol,
      track,
      connectTimeoutMs: serverInfo.media.noMediaTimeoutSeconds * 1000,
      requestTimeoutMs: this.options.requestTimeoutMs,
    });
  }
}
