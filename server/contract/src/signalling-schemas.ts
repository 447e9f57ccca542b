import { z } from './zod';
import { multiLine } from './text';
import { OUTCOME_CODES, QualitySummary } from './consultation';
import { LANGUAGES } from './languages';

/**
 * Runtime checks for every client-to-server socket payload. TypeScript types do nothing at
 * runtime, so the server parses each payload with these before touching it.
 */
const id = z.string().uuid();
const mediaJson = z.record(z.string(), z.unknown());

export const EmptyPayload = z.object({}).strict();
export const SetAvailabilityPayload = z.object({ available: z.boolean() }).strict();
export type SetAvailabilityPayload = z.infer<typeof SetAvailabilityPayload>;

export const ConsultationPayload = z.object({ consultationId: id }).strict();

/** `iceProtocol: 'tcp'`: this side's UDP carried no media; join again with ICE over TCP only. */
export const JoinRoomPayload = z
  .object({ consultationId: id, rtpCapabilities: mediaJson, iceProtocol: z.enum(['any', 'tcp']).optional() })
  .strict();

/**
 * `join`: the desk's mediasoup capabilities, so that the server joins it into the room in the
 * same round trip once the accept has won (only when this node holds the call).
 */
export const AcceptCallPayload = z
  .object({ consultationId: id, join: z.object({ rtpCapabilities: mediaJson }).strict().optional() })
  .strict();

/**
 * A desk stands by for the resident at the head of its queue (its transports made and
 * connected before 「応答」), or, with `consultationId: null`, stops standing by.
 */
export const StandByPayload = z.union([
  z.object({ consultationId: id, rtpCapabilities: mediaJson }).strict(),
  z.object({ consultationId: z.null() }).strict(),
]);

export const ConnectTransportPayload = z
  .object({ consultationId: id, transportId: id, dtlsParameters: mediaJson })
  .strict();

export const ProducePayload = z
  .object({
    consultationId: id,
    transportId: id,
    kind: z.enum(['audio', 'video']),
    source: z.enum(['camera', 'microphone', 'document', 'screen']),
    rtpParameters: mediaJson,
  })
  .strict();

export const ProducerPayload = z.object({ consultationId: id, producerId: id }).strict();

export const TransportPayload = z.object({ consultationId: id, transportId: id }).strict();

/** Walk-in: the department the resident chose (none = the general counter) and the kiosk's language. */
export const CallStaffPayload = z
  .object({ departmentId: id.optional(), language: z.enum(LANGUAGES).optional() })
  .strict();

/** Booked: the six-digit code from the check-in slip, typed or read from its QR. */
export const CheckInPayload = z
  .object({ code: z.string().regex(/^\d{6}$/), language: z.enum(LANGUAGES).optional() })
  .strict();

/** After the call: 1-5, or null for 「とばす」. */
export const SubmitSurveyPayload = z
  .object({ consultationId: id, rating: z.number().int().min(1).max(5).nullable() })
  .strict();

export const RenewAuthPayload = z.object({ token: z.string().min(20).max(4096) }).strict();
export type RenewAuthPayload = z.infer<typeof RenewAuthPayload>;

/** A typed message in the call; shown very large on the kiosk. */
export const SendMessagePayload = z
  .object({
    consultationId: id,
    text: multiLine().min(1).max(500),
    /** Staff: a quick phrase, sent with its translations; the server takes its words from the phrase, not from `text`. */
    phraseId: id.optional(),
  })
  .strict();

/** Staff: ask the resident's consent to photograph the document under the camera. */
export const RequestSnapshotPayload = z.object({ consultationId: id }).strict();

/** Kiosk: the resident's answer; on consent the kiosk then uploads the still (REST uploadSnapshot). */
export const AnswerSnapshotPayload = z.object({ consultationId: id, requestId: id, consent: z.boolean() }).strict();

/**
 * Kiosk: the document camera cannot be opened (or gave no picture). With `requestId`, the
 * snapshot the resident agreed to cannot be taken, so staff stop waiting for it. `camera` and
 * `microphone`: the face camera or the microphone is missing from the call (no device, no
 * permission, or unplugged mid-call), so the desk says so instead of waiting for a picture.
 */
export const KioskDevice = z.enum(['documentCamera', 'camera', 'microphone']);
export type KioskDevice = z.infer<typeof KioskDevice>;
export const ReportDeviceProblemPayload = z
  .object({ consultationId: id, device: KioskDevice, requestId: id.optional() })
  .strict();
export type ReportDeviceProblemPayload = z.infer<typeof ReportDeviceProblemPayload>;

const point = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
/** A mark on the document view, in coordinates relative to the video frame (0..1). */
export const PointerMark = z
  .object({
    kind: z.enum(['pen', 'highlight']),
    color: z.enum(['red', 'yellow', 'blue']),
    points: z.array(point).min(1).max(300),
  })
  .strict();
export type PointerMark = z.infer<typeof PointerMark>;

/** Staff: the marks now on the document view (the whole set; an empty list clears them). */
export const PointerPayload = z.object({ consultationId: id, marks: z.array(PointerMark).max(50) }).strict();

/** Staff: whether the console shows the document pane now (hidden console: the kiosk pauses sending the document). */
export const DocumentViewPayload = z.object({ consultationId: id, shown: z.boolean() }).strict();

/** Staff: hand the resident to another department's queue; the kiosk stays connected. */
export const TransferPayload = z.object({ consultationId: id, departmentId: id }).strict();

/** Staff: media quality measured over the call (getStats), saved on the consultation record. */
export const ReportQualityPayload = z.object({ consultationId: id, quality: QualitySummary }).strict();

/** The connection check: a loopback through the SFU over one protocol (kiosk and staff PCs). */
export const StartMediaCheckPayload = z.object({ protocol: z.enum(['udp', 'tcp']), rtpCapabilities: mediaJson }).strict();
export const ConnectMediaCheckPayload = z.object({ checkId: id, transportId: id, dtlsParameters: mediaJson }).strict();
export const ProduceMediaCheckPayload = z
  .object({ checkId: id, transportId: id, kind: z.enum(['audio', 'video']), rtpParameters: mediaJson })
  .strict();
export const MediaCheckConsumerPayload = z.object({ checkId: id, consumerId: id }).strict();
export const MediaCheckPayload = z.object({ checkId: id }).strict();
export type StartMediaCheckPayload = z.infer<typeof StartMediaCheckPayload>;
export type ConnectMediaCheckPayload = z.infer<typeof ConnectMediaCheckPayload>;
export type ProduceMediaCheckPayload = z.infer<typeof ProduceMediaCheckPayload>;
export type MediaCheckConsumerPayload = z.infer<typeof MediaCheckConsumerPayload>;
export type MediaCheckPayload = z.infer<typeof MediaCheckPayload>;

/**
 * `reason` only from staff, only once answered: 「キオスクに人がいない」 ends the call as
 * `resident_absent` (nobody answered the specialist at the kiosk).
 */
export const HangUpPayload = z.object({ consultationId: id, reason: z.literal('resident_absent').optional() }).strict();

/**
 * After a reload or a reconnect: the caller's live consultation, and (with `consultationId`) how the
 * consultation the app last knew of ended, if it did.
 */
/** Staff right after a call: its outcome (the REST route does the same for the records page). */
export const SaveOutcomePayload = z
  .object({ consultationId: id, outcomeCode: z.enum(OUTCOME_CODES), notes: z.string().trim().max(4000).default('') })
  .strict();

export const ResumeCallPayload = z.object({ consultationId: id.optional() }).strict();

export type ConsultationPayload = z.infer<typeof ConsultationPayload>;
export type JoinRoomPayload = z.infer<typeof JoinRoomPayload>;
export type AcceptCallPayload = z.infer<typeof AcceptCallPayload>;
export type ConnectTransportPayload = z.infer<typeof ConnectTransportPayload>;
export type StandByPayload = z.infer<typeof StandByPayload>;
export type ProducePayload = z.infer<typeof ProducePayload>;
export type ProducerPayload = z.infer<typeof ProducerPayload>;
export type TransportPayload = z.infer<typeof TransportPayload>;
export type HangUpPayload = z.infer<typeof HangUpPayload>;
export type ResumeCallPayload = z.infer<typeof ResumeCallPayload>;
export type SaveOutcomePayload = z.input<typeof SaveOutcomePayload>;
export type CallStaffPayload = z.infer<typeof CallStaffPayload>;
export type CheckInPayload = z.infer<typeof CheckInPayload>;
export type SubmitSurveyPayload = z.infer<typeof SubmitSurveyPayload>;
export type SendMessagePayload = z.infer<typeof SendMessagePayload>;
export type RequestSnapshotPayload = z.infer<typeof RequestSnapshotPayload>;
export type AnswerSnapshotPayload = z.infer<typeof AnswerSnapshotPayload>;
export type PointerPayload = z.infer<typeof PointerPayload>;
export type DocumentViewPayload = z.infer<typeof DocumentViewPayload>;
export type TransferPayload = z.infer<typeof TransferPayload>;
export type ReportQualityPayload = z.infer<typeof ReportQualityPayload>;
export type EmptyPayload = z.infer<typeof EmptyPayload>;
