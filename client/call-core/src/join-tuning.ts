/**
 * The ways a call gets from 「応答」 to the first picture sooner (issue 16.1). Each one is a
 * switch so that `npm run bench:join` can measure it against the old way in the same run,
 * alternating calls; the defaults are the ones that run measured faster (docs/benchmarks.md).
 */
export interface JoinTuning {
  /**
   * Open camera and microphone before the answer: the kiosk as soon as it is queued (it knows
   * it will send), staff as the accept leaves. Otherwise getUserMedia starts only at joinRoom
   * and the first produce waits for it.
   */
  earlyMedia: boolean;
  /** Produce the camera before the microphone: the picture is what the other side waits for. */
  videoFirst: boolean;
  /**
   * Let mediasoup-client go on with its offer while connectTransport travels, instead of
   * waiting a round trip for the ack: ICE checks and the produce request start at once.
   */
  optimisticConnect: boolean;
  /**
   * Kiosk: join the room while waiting in the queue (transports made, the send one connected,
   * camera and microphone produced), so the answer finds the kiosk's picture at the server.
   */
  queuedJoin: boolean;
  /**
   * Console: open camera and microphone while a resident it may answer waits, so 「応答」 does
   * not wait for getUserMedia. Closed again when nobody waits.
   */
  warmCamera: boolean;
  /**
   * Consume the other side's media only once our own camera and microphone are produced (at
   * most 1 s). It helped while the desk's connections were made after 「応答」 (the desk's
   * consume then competed with its own sending connection); with deskStandby both are up
   * before, and consuming at once is faster on both sides (docs/benchmarks.md, fifth round).
   */
  sendFirst: boolean;
  /**
   * sendFirst waits for the camera only, not the microphone too: the microphone's produce is one
   * more round trip that the consume, and so the receiving transport's ICE + DTLS, waited for
   * (the specialist's receiving connection was offered ~160 ms sooner in the third round).
   */
  sendFirstCamera: boolean;
  /**
   * Console: the accept carries the desk's capabilities and its answer the desk's transports
   * (the server joins the desk into the room once the accept has won): one round trip less.
   */
  acceptJoins: boolean;
  /**
   * Console: stand by for the resident at the head of the queue while the desk is 対応可能:
   * the desk's two transports are made in that call's room and brought through ICE + DTLS
   * (placeholder sender and receiver, nothing offered either way), so 「応答」 finds them
   * connected: the desk's first produce and the first consume then go over connections that are up.
   */
  deskStandby: boolean;
  /**
   * Kiosk: a placeholder receiver on the receiving connection while it waits, so its ICE + DTLS
   * are done before the answer. Without deskStandby the desk's sending connection was the
   * slower one and this gained nothing (fourth round); with it, it does (fifth round).
   */
  warmRecv: boolean;
  /**
   * Enter the call's screen ('joined') once the camera's producer exists, not before the first
   * produce: mounting the screen is a long task on the page's one thread, and the produce's SDP
   * steps queued behind it held the other side's first picture back.
   */
  cameraBeforeScreen: boolean;
  /**
   * Console: mount the call's panel at a lower priority (React's useDeferredValue), in slices
   * between the media work, instead of in one long task as the answer arrives.
   */
  deferCallScreen: boolean;
  /**
   * Console: at 「応答」 the camera takes over the standby's placeholder sender (replaceTrack)
   * instead of being produced anew: the camera's SDP steps were done while the desk stood by, and
   * the kiosk's picture no longer waits for them behind the desk's first consume on the page's
   * one WebRTC signalling thread. Only the server's produce remains.
   */
  cameraOnPlaceholder: boolean;
}

export const DEFAULT_JOIN_TUNING: Readonly<JoinTuning> = Object.freeze({
  earlyMedia: true,
  videoFirst: true,
  optimisticConnect: true,
  queuedJoin: true,
  warmCamera: true,
  sendFirst: false,
  sendFirstCamera: true,
  acceptJoins: true,
  deskStandby: true,
  warmRecv: true,
  cameraBeforeScreen: true,
  deferCallScreen: true,
  cameraOnPlaceholder: true,
});

/** Set by bench:join in the page to compare variants; never set by the apps. */
const BENCH_OVERRIDE = '__madoguchiJoinTuning';

export function joinTuning(): JoinTuning {
  const override = (globalThis as Record<string, unknown>)[BENCH_OVERRIDE];
  if (!override || typeof override !== 'object') return DEFAULT_JOIN_TUNING;
  return { ...DEFAULT_JOIN_TUNING, ...(override as Partial<JoinTuning>) };
}
