import { randomUUID } from 'node:crypto';
import type { MediaRoomApi, ProducerInfo } from '@madoguchi/sfu';
import type {
  CaptionConsentPayload,
  CaptionInputPayload,
  CaptionLine,
  CaptionsSnapshot,
  CaptionsState,
  CaptionSource,
  CorrectCaptionPayload,
  RecogniserState,
  TranscriptLine,
} from '@madoguchi/contract/captions';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { CaptionTranscriptRepository } from '../db/repositories/caption-transcript-repository';
import { AppError } from '../domain/app-error';
import type { Consultation } from '../domain/consultation';
import type { ConsultationNotifier } from '../domain/consultation-notifier';
import type { ConsultationService } from '../domain/consultation-service';
import { kioskPeer, staffPeer } from '../domain/room-names';
import { createLogger } from '../logging/logger';
import { AudioPipeline } from './audio-pipeline';
import type { CaptionEngineSpec } from './caption-engine';
import type { RecogniserEvent } from './recogniser-process';

const log = createLogger('captions');

/** Lines a page gets when it joins mid-call; the kiosk shows the last two or three. */
const LINES_KEPT = 20;
/** A transcript longer than this keeps its latest lines (about an hour of speech). */
const TRANSCRIPT_MAX_LINES = 2_000;
/** A page that only lost its connection is usually back within seconds and may finish its line. */
const CAPTIONER_GRACE_MS = 12_000;

/** One call's captions, from its first room to its end. */
interface CallCaptions {
  consultation: Consultation;
  lines: CaptionLine[];
  /** Line ids a captioner guest started: only they may go on typing into them. */
  lineOwners: Map<string, string>;
  /** The socket that last typed each captioner line: a page that reloaded has another one. */
  lineSockets: Map<string, string>;
  /** Captioner lines ended for a page that went away; the same captioner may still finish them. */
  autoEnded: Set<string>;
  sourcesUsed: Set<CaptionSource>;
  transcript: Map<string, TranscriptLine>;
  consent: boolean | null;
  consentedAt: Date | null;
  recogniser: RecogniserState;
  lastSource: CaptionSource | null;
  pipeline: AudioPipeline | null;
  /** The recogniser's line being spoken (partial), until its final. */
  openLineId: string | null;
  /** Listening for the specialist's microphone in the current room. */
  unsubscribe: (() => void) | null;
  /** Sockets of captioners that dropped, by socket id: their open lines end when the grace runs out. */
  dropped: Map<string, NodeJS.Timeout>;
}

export interface CaptionServiceOptions {
  consultations: ConsultationService;
  notifier: ConsultationNotifier;
  transcripts: CaptionTranscriptRepository;
  /** The recogniser to run (checked at start-up); null: none configured or not installed. */
  engine: { spec: CaptionEngineSpec; ffmpegPath: string } | null;
  /** CAPTIONS_ENGINE is set but the engine is missing: the console says 「音声認識は使えません」. */
  engineUnavailable: boolean;
  keepTranscript: boolean;
  /** How long a dropped captioner's half-typed line waits for the page to come back; default 12 s. */
  captionerGraceMs?: number;
  now?: () => Date;
}

/**
 * Live captions in a call: the human captioner's typing, the recogniser's text, the specialist's
 * corrections, and the resident's consent to keep them. Delivered to the kiosk, the staff and
 * captioner guests of that call only; never to other guests, other kiosks or other staff.
 */
export class CaptionService {
  private readonly calls = new Map<string, CallCaptions>();
  /** Transcript writes under way, so a shutdown waits for them before the database closes. */
  private readonly storing = new Set<Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly options: CaptionServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The engine's name for the console, or null. */
  get engineName(): string | null {
    return this.options.engine?.spec.name ?? null;
  }

  /** Called by the consultation whenever the call gets a media room (answered, or rebuilt after a worker died). */
  roomOpened(consultation: Consultation, room: MediaRoomApi): void {
    const call = this.callFor(consultation);
    call.unsubscribe?.();
    call.unsubscribe = null;
    this.stopPipeline(call);
    if (!this.options.engine) return;
    this.setRecogniser(call, 'waiting');
    call.unsubscribe = room.onProducer((producer) => this.considerProducer(call, room, producer));
    for (const producer of room.producers()) this.considerProducer(call, room, producer);
  }

  /**
   * A captioner guest joined (again, `joinedSocketId`) or left: the kiosk and the console show
   * where captions come from at once, not only from the captioner's first keystroke.
   */
  captionerMoved(principal: SocketPrincipal, consultationId: string, joinedSocketId?: string): void {
    if (principal.role !== 'guest' || principal.guestKind !== 'captioner') return;
    const call = this.calls.get(consultationId);
    if (!call) return;
    // A reloaded page types on new lines and never finishes the one its old socket left half-typed:
    // that one ends as typed instead of staying grey on the kiosk. A page may type before its own
    // join completes, so the lines of the joining socket stay open; leaving ends them all.
    const left = call.lines.filter((l) => !l.final && call.lineOwners.get(l.lineId) === principal.id && call.lineSockets.get(l.lineId) !== joinedSocketId);
    for (const line of left) {
      call.autoEnded.add(line.lineId);
      this.publishLine(call, { ...line, final: true });
    }
    this.publishState(call);
  }

  /**
   * A captioner's socket went away without leaving (network lost, tab closed). A rejoin would end
   * its half-typed lines, but a page that never comes back would leave them grey on the kiosk until
   * the call ends: after a grace they end as typed, unless that page has typed on them meanwhile
   * from a new socket (then they are its lines again).
   */
  captionerDisconnected(principal: SocketPrincipal, socketId: string): void {
    if (principal.role !== 'guest' || principal.guestKind !== 'captioner') return;
    for (const call of this.calls.values()) {
      const open = call.lines.some((l) => !l.final && call.lineOwners.get(l.lineId) === principal.id && call.lineSockets.get(l.lineId) === socketId);
      if (!open || call.dropped.has(socketId)) continue;
      const timer = setTimeout(() => {
        call.dropped.delete(socketId);
        if (this.calls.get(call.consultation.id) !== call) return;
        const stale = call.lines.filter((l) => !l.final && call.lineOwners.get(l.lineId) === principal.id && call.lineSockets.get(l.lineId) === socketId);
        try {
          for (const line of stale) {
            call.autoEnded.add(line.lineId);
            this.publishLine(call, { ...line, final: true });
          }
        } catch (error) {
          log.warn({ err: error, consultationId: call.consultation.id }, 'could not end a dropped captioner\'s lines');
        }
      }, this.options.captionerGraceMs ?? CAPTIONER_GRACE_MS);
      timer.unref();
      call.dropped.set(socketId, timer);
    }
  }

  /** The call is over: stop listening, keep the transcript if the resident said yes. */
  async callEnded(consultationId: string): Promise<void> {
    const call = this.calls.get(consultationId);
    if (!call) return;
    this.calls.delete(consultationId);
    for (const timer of call.dropped.values()) clearTimeout(timer);
    call.dropped.clear();
    call.unsubscribe?.();
    this.stopPipeline(call);
    if (this.options.keepTranscript && call.consent === true && call.consentedAt && call.transcript.size > 0) {
      const lines = [...call.transcript.values()].slice(-TRANSCRIPT_MAX_LINES);
      const write = this.options.transcripts
        .store(consultationId, call.consentedAt, lines)
        .catch((error: unknown) => log.error({ err: error, consultationId }, 'could not store the caption transcript'));
      this.storing.add(write);
      await write.finally(() => this.storing.delete(write));
    }
  }

  /** Captioner guest: the line they are typing, on every keystroke. */
  input(principal: SocketPrincipal, payload: CaptionInputPayload, socketId: string): void {
    if (principal.role !== 'guest' || principal.guestKind !== 'captioner') throw AppError.forbidden('only a captioner types captions');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const call = this.callFor(consultation);
    const owner = call.lineOwners.get(payload.lineId);
    if (owner !== undefined && owner !== principal.id) throw AppError.forbidden('this caption line is someone else’s');
    const existing = call.lines.find((line) => line.lineId === payload.lineId);
    if (!owner && existing) throw AppError.forbidden('this caption line is someone else’s');
    // A line ended for a page that went away may be finished by that page after all (it only reconnected).
    if (existing?.final && !payload.final && !call.autoEnded.delete(payload.lineId)) throw AppError.invalidState('this caption line is finished');
    call.lineOwners.set(payload.lineId, principal.id);
    call.lineSockets.set(payload.lineId, socketId);
    this.publishLine(call, {
      consultationId: consultation.id,
      lineId: payload.lineId,
      source: 'captioner',
      text: payload.text,
      final: payload.final,
      corrected: false,
      at: existing?.at ?? this.now().toISOString(),
    });
  }

  /** Staff: the right words for a caption line. */
  correct(principal: SocketPrincipal, payload: CorrectCaptionPayload): CaptionLine {
    if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff correct captions');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const call = this.callFor(consultation);
    const existing = call.lines.find((line) => line.lineId === payload.lineId);
    if (!existing) throw AppError.notFound('caption line');
    const corrected: CaptionLine = { ...existing, text: payload.text, final: true, corrected: true };
    if (call.openLineId === existing.lineId) call.openLineId = null;
    this.publishLine(call, corrected);
    return corrected;
  }

  /** Kiosk: the resident's answer to keeping the caption text in the record. */
  consent(principal: SocketPrincipal, payload: CaptionConsentPayload): void {
    if (principal.role !== 'kiosk') throw AppError.forbidden('the resident answers on the kiosk');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    if (!this.options.keepTranscript) throw AppError.invalidState('this town does not keep caption text');
    const call = this.callFor(consultation);
    call.consent = payload.consent;
    call.consentedAt = payload.consent ? this.now() : null;
    if (!payload.consent) call.transcript.clear();
    this.options.consultations.recordEvent(consultation.id, 'captions_used', 'kiosk', { transcriptConsent: payload.consent });
    this.publishState(call);
  }

  /** The state and latest lines, for the kiosk, the staff and captioner guests of the call. */
  snapshot(principal: SocketPrincipal, consultationId: string): CaptionsSnapshot {
    if (principal.role === 'guest' && principal.guestKind !== 'captioner') throw AppError.forbidden('captions are for the resident, the staff and the captioner');
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    const call = this.callFor(consultation);
    return { state: this.stateOf(call), lines: [...call.lines] };
  }

  /** Pids of every running pipeline process (benchmarks read their CPU time). */
  processIds(): number[] {
    return [...this.calls.values()].flatMap((call) => call.pipeline?.processIds() ?? []);
  }

  /** The recogniser process of a call, while it runs (tests kill it to check the restart). */
  recogniserPid(consultationId: string): number | null {
    return this.calls.get(consultationId)?.pipeline?.recogniserPid ?? null;
  }

  /** Recogniser restarts per call so far (tests and benchmarks). */
  recogniserRestarts(consultationId: string): number {
    return this.calls.get(consultationId)?.pipeline?.recogniserRestarts ?? 0;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.calls.keys()].map((consultationId) => this.callEnded(consultationId)));
    await Promise.all([...this.storing]);
  }

  private callFor(consultation: Consultation): CallCaptions {
    let call = this.calls.get(consultation.id);
    if (!call) {
      call = {
        consultation,
        lines: [],
        lineOwners: new Map(),
        lineSockets: new Map(),
        autoEnded: new Set(),
        dropped: new Map(),
        sourcesUsed: new Set(),
        transcript: new Map(),
        consent: null,
        consentedAt: null,
        recogniser: this.options.engine ? 'waiting' : this.options.engineUnavailable ? 'unavailable' : 'off',
        lastSource: null,
        pipeline: null,
        openLineId: null,
        unsubscribe: null,
      };
      this.calls.set(consultation.id, call);
    }
    return call;
  }

  /** Only the specialist's own microphone is captioned: not the resident, not a guest. */
  private considerProducer(call: CallCaptions, room: MediaRoomApi, producer: ProducerInfo): void {
    const engine = this.options.engine;
    const staff = call.consultation.staff;
    if (!engine || !staff || room.closed || producer.kind !== 'audio' || producer.source !== 'microphone') return;
    if (producer.peerId !== staffPeer(staff.id) || call.consultation.state !== 'active') return;
    if (call.pipeline?.producerId === producer.producerId) return;
    this.stopPipeline(call);
    const pipeline = new AudioPipeline({
      room,
      producerId: producer.producerId,
      spec: engine.spec,
      ffmpegPath: engine.ffmpegPath,
      onText: (event) => {
        if (call.pipeline === pipeline) this.onRecognised(call, event);
      },
      onState: (state) => {
        if (call.pipeline === pipeline) this.setRecogniser(call, state);
      },
      onEnded: () => {
        if (call.pipeline !== pipeline) return;
        call.pipeline = null;
        // The specialist's microphone went (a reconnect): the next one is taken when it comes.
        this.setRecogniser(call, 'waiting');
      },
    });
    call.pipeline = pipeline;
    pipeline.start().catch((error: unknown) => {
      log.error({ err: error, consultationId: call.consultation.id }, 'could not start the caption pipeline');
      if (call.pipeline === pipeline) {
        call.pipeline = null;
        this.setRecogniser(call, 'restarting');
      }
    });
  }

  private onRecognised(call: CallCaptions, event: RecogniserEvent): void {
    const lineId = call.openLineId ?? randomUUID();
    const existing = call.lines.find((line) => line.lineId === lineId);
    call.openLineId = event.type === 'final' ? null : lineId;
    this.publishLine(call, {
      consultationId: call.consultation.id,
      lineId,
      source: 'recogniser',
      text: event.text.slice(0, 300),
      final: event.type === 'final',
      corrected: false,
      at: existing?.at ?? this.now().toISOString(),
    });
  }

  private publishLine(call: CallCaptions, line: CaptionLine): void {
    const index = call.lines.findIndex((l) => l.lineId === line.lineId);
    if (index >= 0) call.lines[index] = line;
    else call.lines.push(line);
    if (call.lines.length > LINES_KEPT) {
      const dropped = call.lines.splice(0, call.lines.length - LINES_KEPT);
      for (const old of dropped) {
        call.lineOwners.delete(old.lineId);
        call.lineSockets.delete(old.lineId);
        call.autoEnded.delete(old.lineId);
      }
    }
    if (line.final && line.text && call.consent !== false && this.options.keepTranscript) {
      call.transcript.set(line.lineId, { source: line.source, text: line.text, corrected: line.corrected, at: line.at });
    }
    const firstOfSource = !call.sourcesUsed.has(line.source);
    const sourceChanged = call.lastSource !== line.source;
    call.lastSource = line.source;
    if (firstOfSource) {
      call.sourcesUsed.add(line.source);
      // The record says captions were used and from where, never what they said.
      this.options.consultations.recordEvent(call.consultation.id, 'captions_used', line.source === 'captioner' ? 'guest' : 'system', { source: line.source });
    }
    this.options.notifier.toPeers(this.recipients(call), 'captionLine', line);
    if (sourceChanged || firstOfSource) this.publishState(call);
  }

  private setRecogniser(call: CallCaptions, state: RecogniserState): void {
    if (call.recogniser === state) return;
    call.recogniser = state;
    this.publishState(call);
  }

  private publishState(call: CallCaptions): void {
    this.options.notifier.toPeers(this.recipients(call), 'captionsState', this.stateOf(call));
  }

  private stateOf(call: CallCaptions): CaptionsState {
    const { consultation } = call;
    return {
      consultationId: consultation.id,
      recogniser: call.recogniser,
      engine: this.engineName,
      captionerPresent: [...consultation.participants.values()].some((p) => p.guestKind === 'captioner'),
      lastSource: call.lastSource,
      sourcesUsed: [...call.sourcesUsed],
      hearingSupport: consultation.intake.needs?.hearingSupport === true,
      transcriptOffered: this.options.keepTranscript,
      transcriptConsent: call.consent,
    };
  }

  /** The kiosk, the specialist and captioner guests; an interpreter or another department's guest gets nothing. */
  private recipients(call: CallCaptions): string[] {
    const { consultation } = call;
    const captioners = [...consultation.participants.values()].filter((p) => p.role === 'guest' && p.guestKind === 'captioner').map((p) => p.peerId);
    return [kioskPeer(consultation.kiosk.id), ...(consultation.staff ? [staffPeer(consultation.staff.id)] : []), ...captioners].filter((peerId) =>
      consultation.isParticipant(peerId),
    );
  }

  private stopPipeline(call: CallCaptions): void {
    const pipeline = call.pipeline;
    call.pipeline = null;
    call.openLineId = null;
    pipeline?.stop();
  }
}
