import type { Page } from 'playwright-core';

/** Milestones of one call in page time (Date.now: the same clock on both pages and here). */
export interface Timeline {
  /** Staff only: the 「応答」 click reached the page. */
  accepted: number | null;
  /** getUserMedia (camera and microphone) resolved. */
  mediaOpened: number | null;
  /** mediasoup-client created its first RTCPeerConnection (the send transport). */
  pcCreated: number | null;
  /** First peer connection connected (ICE + DTLS). */
  connected: number | null;
  /** The receiving peer connection got its first remote track. */
  remoteTrack: number | null;
  /** getStats() shows the first decoded video frame. */
  firstFrame: number | null;
  /** The sending peer connection got the server's answer (its ICE checks can start). */
  sendSdp: number | null;
  sendConnected: number | null;
  /** The receiving peer connection got its first offer (the first consume). */
  recvSdp: number | null;
  recvConnected: number | null;
  /** getStats() shows the first received video packet. */
  firstPacket: number | null;
  /** A <video> of the page was given the remote video. */
  remoteShown: number | null;
}

/**
 * Records the milestones in the page. Plain JavaScript: functions compiled by tsx carry a
 * `__name` helper the page lacks. Only the first of each milestone after a reset counts.
 */
export const TIMELINE_SCRIPT = `
  (() => {
    const empty = () => ({ accepted: null, mediaOpened: null, pcCreated: null, connected: null, remoteTrack: null, firstFrame: null,
      sendSdp: null, sendConnected: null, recvSdp: null, recvConnected: null, firstPacket: null, remoteShown: null });
    window.__timeline = empty();
    window.__resetAt = 0;
    window.__resetTimeline = () => { window.__resetAt = Date.now(); window.__timeline = empty(); window.__arrivals = []; window.__sendTrace = []; };
    const mark = (name) => { if (window.__timeline[name] === null) window.__timeline[name] = Date.now(); };
    document.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && button.textContent.trim() === '応答') mark('accepted');
    }, true);
    // Main-thread tasks over 50 ms (epoch ms): the page's own work that delays every milestone seen here.
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
    } catch {}
    // When the page first shows a remote video (a <video> given a stream with it).
    window.__remoteVideoTracks = new WeakSet();
    const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      configurable: true,
      get() { return srcObject.get.call(this); },
      set(value) {
        srcObject.set.call(this, value);
        if (value && value.getVideoTracks && value.getVideoTracks().some((t) => window.__remoteVideoTracks.has(t))) mark('remoteShown');
      },
    });
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      // The call's camera and microphone come in one request; the device check and the
      // document camera ask for one device at a time.
      if (constraints && constraints.audio && constraints.video) mark('mediaOpened');
      return stream;
    };
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration) {
        super(configuration);
        mark('pcCreated');
        // mediasoup-client's send connection is answered by the server, its receiving one offered to.
        let direction = null;
        const setRemoteDescription = this.setRemoteDescription.bind(this);
        this.setRemoteDescription = async (description) => {
          direction = direction || (description && description.type === 'offer' ? 'recv' : 'send');
          await setRemoteDescription(description);
          mark(direction + 'Sdp');
        };
        this.addEventListener('connectionstatechange', () => {
          if (this.connectionState !== 'connected') return;
          mark('connected');
          if (direction) mark(direction + 'Connected');
        });
        this.addEventListener('track', (event) => {
          if (event.track.kind !== 'video') return;
          mark('remoteTrack');
          window.__remoteVideoTracks.add(event.track);
        });
        // Only the receiving connection, and only until its first frame: polling every connection of
        // both pages all call long would take CPU from the very thing measured on 2 cores.
        const poll = setInterval(async () => {
          if (this.connectionState === 'closed' || (direction === 'recv' && window.__timeline.firstFrame !== null)) return clearInterval(poll);
          if (direction === 'send' && window.__traceSend && Date.now() - window.__resetAt < 2000) {
            // The sender's side of the first picture (BENCH_VERBOSE): when its encoder made frames and key frames and
            // when the SFU asked it for one: [ms, frames encoded, key frames, PLIs, packets sent, width].
            const stats = await this.getStats();
            stats.forEach((r) => {
              if (r.type !== 'outbound-rtp' || r.kind !== 'video' || !r.framesEncoded) return;
              const row = [Date.now(), r.framesEncoded, r.keyFramesEncoded || 0, r.pliCount || 0, r.packetsSent || 0, r.frameWidth || 0];
              const rows = (window.__sendTrace = window.__sendTrace || []);
              const last = rows[rows.length - 1];
              if (!last || last[2] !== row[2] || last[3] !== row[3] || rows.length < 3) rows.push(row);
            });
            return;
          }
          if (direction !== 'recv') return;
          const stats = await this.getStats();
          stats.forEach((r) => {
            // mediasoup's bandwidth probation (mid 'probator') is padding, not the picture.
            if (r.type === 'inbound-rtp' && r.mid === 'probator') return;
            if (r.type === 'inbound-rtp' && r.kind === 'video' && (r.packetsReceived || 0) > 0) {
              mark('firstPacket');
              // How the first frame's packets came in: [ms since the first packet, packets, bytes, frames received, decoded].
              if (window.__timeline.firstFrame === null) {
                window.__arrivals = window.__arrivals || [];
                window.__arrivals.push([Date.now() - window.__timeline.firstPacket, r.packetsReceived, r.bytesReceived, r.framesReceived || 0, r.framesDecoded || 0]);
              }
            }
            if (r.type === 'inbound-rtp' && r.kind === 'video' && (r.framesDecoded || 0) > 0 && window.__timeline.firstFrame === null) {
              mark('firstFrame');
              window.__firstFrameStats = ['packetsReceived', 'packetsLost', 'nackCount', 'pliCount', 'firCount', 'framesReceived', 'framesDropped', 'keyFramesDecoded', 'frameWidth']
                .map((k) => k + '=' + r[k]).join(' ');
            }
          });
        }, 10);
      }
    };
  })();
`;

export const resetTimeline = (page: Page): Promise<void> =>
  page.evaluate(() => (window as unknown as { __resetTimeline: () => void }).__resetTimeline());

/** The receiving side's inbound video stats when the first frame was decoded (for finding a slow first frame). */
export const firstFrameStats = (page: Page, from: number): Promise<string> =>
  page.evaluate((since) => {
    const w = window as unknown as { __firstFrameStats?: string; __longTasks: [number, number][]; __timeline: Timeline };
    const until = w.__timeline.firstFrame ?? Date.now();
    const tasks = w.__longTasks.filter(([start]) => start >= since && start <= until);
    const arrivals = ((window as unknown as { __arrivals?: number[][] }).__arrivals ?? []).map((a) => a.join('/')).join(' ');
    const sent = ((window as unknown as { __sendTrace?: number[][] }).__sendTrace ?? []).map(([at, ...rest]) => [Math.round((at ?? 0) - since), ...rest].join('/')).join(' ');
    return `${w.__firstFrameStats ?? ''}; arrivals ms/packets/bytes/frames/decoded ${arrivals}; sent ms/frames/keyframes/plis/packets/width ${sent}; long tasks ${tasks.map(([start, duration]) => `${Math.round(start - since)}+${Math.round(duration)}`).join(' ')}`;
  }, from);

export async function waitTimeline(page: Page, timeoutMs = 60_000): Promise<Timeline> {
  await page.waitForFunction(() => (window as unknown as { __timeline: Timeline }).__timeline.firstFrame !== null, undefined, {
    timeout: timeoutMs,
    polling: 10,
  });
  return page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
}

export const PHASES = ['camera', 'signalling', 'connect', 'frame', 'total'] as const;
export type Phase = (typeof PHASES)[number];

/** Milestones from the accept (0 when reached before it), for finding where the *frame* phase goes. */
export const MILESTONES = ['sendSdp', 'sendConnected', 'recvSdp', 'recvConnected', 'firstPacket', 'remoteShown', 'firstFrame'] as const;
export type Milestone = (typeof MILESTONES)[number];

export function milestonesOf(t: Timeline, acceptedAt: number): Record<Milestone, number> {
  const at = (value: number | null): number => (value === null ? NaN : Math.max(0, value - acceptedAt));
  return Object.fromEntries(MILESTONES.map((m) => [m, at(t[m])])) as Record<Milestone, number>;
}

/**
 * Phases from the accept: *camera* when camera and microphone were open (0 if before the
 * accept), *signalling* until the first peer connection, *connect* its ICE + DTLS, *frame*
 * from then to the first decoded frame; *total* is accept to first frame. A milestone reached
 * before the accept (a kiosk that joined while waiting) counts as reached at the accept.
 */
export function phasesOf(t: Timeline, acceptedAt: number): Record<Phase, number> {
  const pc = Math.max(t.pcCreated ?? acceptedAt, acceptedAt);
  const connected = Math.max(t.connected ?? pc, pc);
  const frame = Math.max(t.firstFrame ?? connected, connected);
  return {
    camera: Math.max(0, (t.mediaOpened ?? acceptedAt) - acceptedAt),
    signalling: pc - acceptedAt,
    connect: connected - pc,
    frame: frame - connected,
    total: frame - acceptedAt,
  };
}
