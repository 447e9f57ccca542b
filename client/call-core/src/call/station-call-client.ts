import type { ResumableCall, ResumeCallResult, ServerInfo } from '@madoguchi/contract/signalling-events';
import { CallError } from '../call-error';
import type { CallInfo, ConnectionState } from '../call-types';
import { createLogger } from '../logger';
import { checkMediaPath, type MediaPathResult } from '../media-check';
import { FAILOVER_CONNECT_TIMEOUT_MS, NodeFailover, type FailoverOutcome } from '../node-failover';
import type { ActiveCall } from './active-call';
import { CallClient } from './call-client';

const logger = createLogger('call-client');

/** The origin of this client's own node: its URL, else the page's (none outside a browser, as in unit tests). */
function homeOrigin(url: string | undefined): string {
  const page = (globalThis as { location?: Location }).location?.href;
  try {
    return new URL(url ?? page ?? '', page).origin;
  } catch {
    return '';
  }
}

/**
 * A kiosk or a desk: a fixed place that picks its call up again after a reload, goes on
 * through another server node when its own stops mid-call, and runs the connection check.
 * A guest has none of these.
 */
export abstract class StationCallClient extends CallClient {
  /** The cluster's nodes, from the last ServerInfo. */
  private nodeUrls: readonly string[] = [];
  private readonly failover = new NodeFailover({
    nodeUrls: () => this.nodeUrls,
    lostOrigin: () => homeOrigin(this.options.url),
    needed: () => this.needsFailover(),
    attempt: (url) => this.continueOn(url),
  });

  /** The server's view of this kiosk's or desk's live call (after a reload), or how `consultationId` ended. */
  askResume(consultationId?: string): Promise<ResumeCallResult> {
    this.assertConnected();
    return this.request('resumeCall', consultationId ? { consultationId } : {});
  }

  /** Goes back into a call the server still holds for us: a waiting kiosk waits on, an answered call is joined again. */
  async resumeCall(live: ResumableCall): Promise<void> {
    const answered = live.state === 'active';
    const info: CallInfo = { consultationId: live.consultationId, peerName: live.peerName, peerLocation: live.peerLocation, queuePosition: live.queuePosition, answered };
    const call = this.beginCall(info, answered ? 'answered' : 'queued');
    logger.info('resuming a call after a reload', { consultationId: live.consultationId, state: live.state });
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
      socket: this.homeSocket(),
      device,
      protocol,
      track,
      connectTimeoutMs: serverInfo.media.noMediaTimeoutSeconds * 1000,
      requestTimeoutMs: this.options.requestTimeoutMs,
    });
  }

  protected override onServerReady(info: ServerInfo): void {
    if (info.nodeUrls) this.nodeUrls = info.nodeUrls;
  }

  /** Own socket down in an answered call: its node may have stopped, so another node is tried after a while. */
  protected override onHomeState(state: ConnectionState): void {
    if (state === 'reconnecting' && this.needsFailover()) this.failover.arm();
    else if (state === 'connected' || state === 'closed') {
      this.failover.disarm();
      // The own node answered again: nothing is moving any more.
      if (this.getSnapshot().failover?.lost === 'own') this.patch({ failover: null });
    }
  }

  /** Nodes may have joined the cluster since this socket connected; a call is when it matters. */
  protected override onJoined(call: ActiveCall): void {
    if (call.failedOver) return;
    this.request('getServerInfo', {}).then(
      (info) => {
        if (info.nodeUrls) this.nodeUrls = info.nodeUrls;
      },
      () => undefined,
    );
  }

  /** In an answered call carried by its own socket, which is down (its node may have stopped). */
  private needsFailover(): boolean {
    const call = this.active;
    return call !== null && !call.failedOver && !call.holder && call.info.answered && call.info.consultationId !== null && this.homeState !== 'connected';
  }

  /**
   * Asks another node to go on with the call (it takes the call over once the lost node's
   * lease has run out) and joins it there with fresh transports.
   */
  private async continueOn(url: string): Promise<FailoverOutcome> {
    const call = this.active;
    const consultationId = call?.info.consultationId;
    if (!call || !consultationId || !this.needsFailover()) return 'ended';
    // The screen says the call is moving rather than that it is reconnecting.
    if (!this.getSnapshot().failover) this.patch({ failover: { lost: 'own', until: null } });
    call.failedOver = true;
    const giveUp = (): FailoverOutcome => {
      if (this.active === call) {
        this.dropHolder(call);
        call.failedOver = false;
      }
      return 'not_here';
    };
    try {
      await this.linkHolder(call, url, FAILOVER_CONNECT_TIMEOUT_MS);
    } catch {
      return giveUp();
    }
    const known = await this.callRequest(call, 'resumeCall', { consultationId }).catch(() => null);
    if (this.active !== call) return 'ended';
    if (known?.live?.consultationId === consultationId && !known.live.mediaNodeUrl) {
      logger.info('the call goes on through another server node', { consultationId, url });
      this.setConnection('connected');
      await this.room.join(call).catch(() => undefined);
      return 'resumed';
    }
    if (known?.ended) {
      this.endCall(call, known.ended.reason, 'remote');
      return 'ended';
    }
    return giveUp();
  }
}
