import { apiPath } from '@madoguchi/contract/api-routes';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { SignatureStrokes } from '@madoguchi/contract/forms';
import type { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { createLogger } from '@madoguchi/call-core/logger';
import { TypedEmitter } from '@madoguchi/call-core/typed-emitter';
import { sendJson } from '../device/http-error';
import { nextFormReview, type FormReview, type FormReviewEvent } from './form-review-state';
import { OneShotTimer } from './one-shot-timer';

const logger = createLogger('kiosk-forms');

/** 「申請を受け付けました」 and the refusal note close themselves: nothing stays on screen. */
const NOTE_DISPLAY_MS = 15_000;

function errorCodeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * The form staff show during the call: page by page, 「ここが違います」, the signature, or
 * 「申請しない」. Talks to the server only through the call's socket (askFormCorrection,
 * signForm, refuseForm); reset() forgets the form, the values and the strokes.
 */
export class KioskForms extends TypedEmitter<{ changed: [FormReview | null] }> {
  private state: FormReview | null = null;
  private readonly unsubscribe: (() => void)[];
  private readonly noteTimer = new OneShotTimer();

  constructor(private readonly options: { call: KioskCallClient; getToken: () => string | null }) {
    super();
    this.unsubscribe = [
      options.call.onServerEvent('formShown', (form) => {
        if (this.consultationId() === form.consultationId) this.dispatch({ type: 'shown', form });
      }),
      options.call.onServerEvent('formWithdrawn', ({ consultationId, documentId }) => {
        if (this.consultationId() === consultationId) this.dispatch({ type: 'withdrawn', documentId });
      }),
    ];
  }

  getSnapshot(): FormReview | null {
    return this.state;
  }

  page(page: number): void {
    this.dispatch({ type: 'page', page });
  }

  toSign(): void {
    this.dispatch({ type: 'toSign' });
  }

  back(): void {
    this.dispatch({ type: 'back' });
  }

  refuse(): void {
    this.dispatch({ type: 'refuse' });
  }

  async askCorrection(fieldKey: string): Promise<void> {
    const state = this.state;
    if (state?.phase !== 'reviewing') return;
    const { form } = state;
    this.dispatch({ type: 'correctionAsked', fieldKey });
    try {
      await this.options.call.sendKioskCallRequest('askFormCorrection', { consultationId: form.consultationId, documentId: form.documentId, revision: form.revision, fieldKey });
    } catch (error) {
      logger.warn('correction request not accepted', { error: errorCodeOf(error) });
      if (this.state?.phase === 'correctionSent') this.set({ phase: 'problem', form, problem: errorCodeOf(error) === ErrorCode.Conflict ? 'stale' : 'failed' });
    }
  }

  async sign(strokes: SignatureStrokes): Promise<void> {
    const state = this.state;
    if (state?.phase !== 'signing') return;
    const { form } = state;
    this.dispatch({ type: 'submit', strokes });
    try {
      const result = await this.options.call.sendKioskCallRequest('signForm', { consultationId: form.consultationId, documentId: form.documentId, revision: form.revision, strokes });
      this.dispatch({ type: 'signed', printCopy: result.printCopy, at: new Date().toISOString() });
      this.noteTimer.set(NOTE_DISPLAY_MS, () => this.close());
    } catch (error) {
      logger.warn('signature not accepted', { error: errorCodeOf(error) });
      this.dispatch({ type: 'problem', problem: errorCodeOf(error) === ErrorCode.Conflict ? 'stale' : 'failed' });
    }
  }

  async confirmRefuse(): Promise<void> {
    const state = this.state;
    if (state?.phase !== 'confirmRefuse') return;
    const { form } = state;
    try {
      await this.options.call.sendKioskCallRequest('refuseForm', { consultationId: form.consultationId, documentId: form.documentId, revision: form.revision });
      this.dispatch({ type: 'refused' });
      this.noteTimer.set(NOTE_DISPLAY_MS, () => this.close());
    } catch (error) {
      logger.warn('refusal not accepted', { error: errorCodeOf(error) });
      this.dispatch({ type: 'problem', problem: errorCodeOf(error) === ErrorCode.Conflict ? 'stale' : 'failed' });
    }
  }

  /** After the browser printed the copy: the server audits it, and the screen is cleared. */
  async printed(): Promise<void> {
    const state = this.state;
    const token = this.options.getToken();
    if (state?.phase === 'signed' && token) {
      await sendJson('POST', apiPath('recordFormCopyPrinted', { id: state.form.documentId }), {}, token).catch((error: unknown) => logger.warn('print not recorded', { error }));
    }
    this.close();
  }

  close(): void {
    this.noteTimer.clear();
    this.dispatch({ type: 'close' });
  }

  /** The call is over: forget everything at once. */
  reset(): void {
    this.noteTimer.clear();
    this.set(null);
  }

  dispose(): void {
    this.reset();
    for (const off of this.unsubscribe) off();
    this.removeAllListeners();
  }

  private consultationId(): string | null {
    const call = this.options.call.getSnapshot().call;
    return call?.answered ? call.consultationId : null;
  }

  private dispatch(event: FormReviewEvent): void {
    this.set(nextFormReview(this.state, event));
  }

  private set(next: FormReview | null): void {
    if (next === this.state) return;
    this.state = next;
    this.safeEmit('changed', next);
  }
}
