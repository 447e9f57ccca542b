/**
 * mediasoup's RTP and DTLS structures cross the wire as JSON. The server never looks inside
 * them: the SFU validates them, and mediasoup-client builds them. They are opaque here so
 * that no mediasoup type leaks into the server or the contract.
 */
type Opaque<Brand extends string> = Record<string, unknown> & { readonly __media?: Brand };

export type RtpCapabilitiesJson = Opaque<'RtpCapabilities'>;
export type RtpParametersJson = Opaque<'RtpParameters'>;
export type DtlsParametersJson = Opaque<'DtlsParameters'>;
export type IceParametersJson = Opaque<'IceParameters'>;
export type IceCandidateJson = Opaque<'IceCandidate'>;

export type MediaKind = 'audio' | 'video';
/**
 * What a producer carries: the face camera, the microphone, the document camera (high
 * resolution, low frame rate, contentHint "detail"), or a shared screen (staff showing a form).
 */
export type MediaSource = 'camera' | 'microphone' | 'document' | 'screen';
export type TransportDirection = 'send' | 'recv';

/**
 * `tcp`: ICE over TCP only, for a network that drops the media's UDP (the same port in
 * single-port mode); `udp`: UDP only, for the connection check that tests each on its own.
 */
export type IceProtocol = 'any' | 'udp' | 'tcp';

/** The media sockets as an installer or IT department needs them, and how long media may take to flow. */
export interface MediaPathInfo {
  /** The address in ICE candidates (announced, else the listen address). */
  address: string;
  /** First and last port, UDP and TCP alike; equal in single-port mode with one worker, 0 when the OS picks. */
  firstPort: number;
  lastPort: number;
  /** No media this long: ICE over TCP is tried; as long again, and the call ends as media_failed. */
  noMediaTimeoutSeconds: number;
}

export interface TransportOptions {
  id: string;
  direction: TransportDirection;
  iceParameters: IceParametersJson;
  iceCandidates: IceCandidateJson[];
  dtlsParameters: DtlsParametersJson;
}

export interface ConsumerOptions {
  consumerId: string;
  producerId: string;
  kind: MediaKind;
  source: MediaSource;
  rtpParameters: RtpParametersJson;
  /** Whose media this is. */
  peerRole: PeerRole;
}

/** A guest is a third party brought into one call by a link (an interpreter, another department). */
export type PeerRole = 'kiosk' | 'staff' | 'guest';
