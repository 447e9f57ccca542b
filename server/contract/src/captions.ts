import { z } from './zod';
import { multiLine } from './text';

/**
 * Live captions inside a call (issue 18): the specialist's speech as text on the kiosk, from a
 * human captioner (要約筆記, a guest of kind `captioner`) typing, or from a speech recogniser the
 * town runs on its own server (`CAPTIONS_ENGINE`). Only the kiosk, the staff and captioner
 * guests of that call receive caption events; other guests (an interpreter) do not.
 */
export const CAPTION_SOURCES = ['captioner', 'recogniser'] as const;
export type CaptionSource = (typeof CAPTION_SOURCES)[number];

/** The longest caption line: a sentence or two; longer typing starts a new line. */
export const CAPTION_LINE_MAX = 300;

/** One caption line. A line is sent again each time its text changes, under the same id. */
export interface CaptionLine {
  consultationId: string;
  lineId: string;
  source: CaptionSource;
  text: string;
  /** false: still being spoken or typed (shown greyed); true: the sentence is complete. */
  final: boolean;
  /** The specialist changed the text of this line. */
  corrected: boolean;
  /** When the line started. */
  at: string;
}

/**
 * The recogniser pipeline as the console shows it: `off` (no engine configured), `unavailable`
 * (configured but not installed), `waiting` (no specialist microphone yet), `running`,
 * `restarting` (the engine stopped; it is started again after a back-off).
 */
export const RECOGNISER_STATES = ['off', 'unavailable', 'waiting', 'running', 'restarting'] as const;
export type RecogniserState = (typeof RECOGNISER_STATES)[number];

export interface CaptionsState {
  consultationId: string;
  recogniser: RecogniserState;
  /** The engine's name (e.g. `pocketsphinx`), null when none is configured. */
  engine: string | null;
  /** A captioner guest is in the call. */
  captionerPresent: boolean;
  /** The source of the latest line, null before the first one. */
  lastSource: CaptionSource | null;
  /** Every source that has captioned this call so far, in the order they started. */
  sourcesUsed: CaptionSource[];
  /** The booking says 聴覚支援: the kiosk shows captions without being asked. */
  hearingSupport: boolean;
  /** The town keeps transcripts (`CAPTIONS_KEEP_TRANSCRIPT`): the kiosk asks the resident. */
  transcriptOffered: boolean;
  /** The resident's answer; null until asked and answered. */
  transcriptConsent: boolean | null;
}

export interface CaptionsSnapshot {
  state: CaptionsState;
  /** The latest lines, oldest first (for a page that joins or reloads mid-call). */
  lines: CaptionLine[];
}

const id = z.string().uuid();

/**
 * A captioner's typing box: the whole current line each time it changes (every keystroke), so a
 * lost event is repaired by the next one. `final`: Enter was pressed, the line is complete.
 */
export const CaptionInputPayload = z
  .object({ consultationId: id, lineId: id, text: multiLine().max(CAPTION_LINE_MAX), final: z.boolean() })
  .strict();
export type CaptionInputPayload = z.infer<typeof CaptionInputPayload>;

/** Staff: replace the text of a caption line (a recogniser's mistake, a typo). */
export const CorrectCaptionPayload = z
  .object({ consultationId: id, lineId: id, text: multiLine().min(1).max(CAPTION_LINE_MAX) })
  .strict();
export type CorrectCaptionPayload = z.infer<typeof CorrectCaptionPayload>;

/** Kiosk: the resident's answer to 「字幕の記録を残してもよいですか」. */
export const CaptionConsentPayload = z.object({ consultationId: id, consent: z.boolean() }).strict();
export type CaptionConsentPayload = z.infer<typeof CaptionConsentPayload>;

/** A caption line as the record keeps it (transcript kept only with the town's setting and consent). */
export interface TranscriptLine {
  source: CaptionSource;
  text: string;
  corrected: boolean;
  at: string;
}

/** A record's kept caption text (相談記録), for those who may see the record; every read is audited. */
export interface ConsultationTranscript {
  /** false: nothing was kept (the town's setting off, the resident said no, or no captions). */
  kept: boolean;
  consentedAt: string | null;
  lines: TranscriptLine[];
}
