import { createHash } from 'node:crypto';
import { ErrorCode } from '@madoguchi/contract/errors';
import { formValueProblems, type AskFormCorrectionPayload, type FormDocumentInfo, type FormRevisionPayload, type PushFormPayload, type SignFormPayload, type SignFormResult, type WithdrawFormPayload } from '@madoguchi/contract/forms';
import type { SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import { toInfo, type FormDocumentRecord, type FormRepository } from '../db/repositories/form-repository';
import { AppError } from '../domain/app-error';
import type { ConsultationNotifier, InCallPayload } from '../domain/consultation-notifier';
import type { ConsultationService } from '../domain/consultation-service';
import type { Consultation } from '../domain/consultation';
import { kioskPeer, staffPeer } from '../domain/room-names';
import { createLogger } from '../logging/logger';
import { statesBefore } from './form-lifecycle';
import { renderSignedFormPdf } from './form-pdf';

const log = createLogger('forms');

/** Above this the PDF is refused rather than stored (the column allows 4 MiB; a form is ~100 kB). */
export const FORM_PDF_MAX_BYTES = 2 * 1024 * 1024;

export interface FormServiceOptions {
  consultations: ConsultationService;
  notifier: ConsultationNotifier;
  forms: FormRepository;
  audit: AuditLogRepository;
  now?: () => Date;
}

/**
 * 書かない窓口 in a call: staff show a filled form on the kiosk, the resident asks for a
 * correction, signs or refuses. Only the kiosk of that call answers, only for the revision it
 * was shown, and only once: the database row's revision and state decide, not this process.
 */
export class FormService {
  private readonly now: () => Date;

  constructor(private readonly options: FormServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async push(principal: SocketPrincipal, payload: PushFormPayload): Promise<FormDocumentInfo> {
    if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff prepare forms');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const { forms } = this.options;
    let document: FormDocumentRecord | null;
    if (payload.documentId) {
      const existing = await forms.document(payload.documentId);
      if (!existing || existing.consultationId !== payload.consultationId) throw AppError.notFound('form document');
      if (existing.templateId !== payload.templateId) throw AppError.badRequest('a correction keeps the template version of the document');
      this.checkValues(existing.template.fields, payload.values);
      document = await forms.revise(existing.documentId, payload.values, this.now());
      if (!document) throw AppError.invalidState('the document is already signed or refused');
    } else {
      const template = await forms.templateById(payload.templateId);
      if (!template || template.archived) throw AppError.notFound('form template');
      this.checkValues(template.fields, payload.values);
      document = await forms.createDocument({
        consultationId: payload.consultationId,
        templateId: template.templateId,
        kioskId: consultation.kiosk.id,
        staffId: principal.id,
        values: payload.values,
        at: this.now(),
      });
    }
    // The call may have ended while the document was written (a hang-up racing 「表示」): then
    // callEnded() may have run before the row existed, so it is withdrawn here instead of shown.
    if (!this.stillActive(principal, payload.consultationId)) {
      await this.options.forms.transition(document.documentId, document.revision, ['shown'], { state: 'withdrawn' }, this.now());
      this.options.consultations.recordEvent(payload.consultationId, 'form_left_unanswered', 'system', { documentId: document.documentId, revision: document.revision });
      throw AppError.invalidState('the call has ended; the form was not shown');
    }
    this.show(consultation, document);
    this.options.consultations.recordEvent(payload.consultationId, 'form_shown', 'staff', { documentId: document.documentId, revision: document.revision });
    return toInfo(document);
  }

  /**
   * The call ended or was handed over: a form the resident had not answered goes with it (the
   * record says so, and the kiosk, still waiting after a hand-over, clears it).
   */
  async callEnded(consultationId: string, kioskId: string): Promise<void> {
    const withdrawn = await this.options.forms.withdrawOpen(consultationId, this.now());
    for (const { documentId, revision } of withdrawn) {
      this.options.notifier.toPeers([kioskPeer(kioskId)], 'formWithdrawn', { consultationId, documentId });
      this.options.consultations.recordEvent(consultationId, 'form_left_unanswered', 'system', { documentId, revision });
    }
  }

  private stillActive(principal: SocketPrincipal, consultationId: string): boolean {
    try {
      this.options.consultations.requireActiveParticipant(principal, consultationId);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A kiosk joining its call again (its page reloaded) has lost the form from its screen, while
   * the staff member still waits for the resident's answer: the form awaiting it is shown again.
   * A kiosk that only reconnected still shows that revision and keeps its place in it.
   */
  async reshowOpen(principal: SocketPrincipal, consultationId: string): Promise<void> {
    if (principal.role !== 'kiosk') return;
    let consultation: Consultation;
    try {
      consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    } catch {
      // A waiting kiosk joins early, before anyone answered: no form can be open for it yet.
      return;
    }
    for (const info of await this.options.forms.listFor(consultationId)) {
      if (info.state !== 'shown') continue;
      const document = await this.options.forms.document(info.documentId);
      if (document?.kioskId === principal.id) this.show(consultation, document);
    }
  }

  /**
   * Staff take the form off the kiosk before the resident answered it (the wrong template, the
   * resident changed their mind). The kiosk clears it at once; the timeline keeps that it happened.
   */
  async withdraw(principal: SocketPrincipal, payload: WithdrawFormPayload): Promise<FormDocumentInfo> {
    if (principal.role !== 'staff' && principal.role !== 'admin') throw AppError.forbidden('only staff withdraw forms');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const document = await this.options.forms.document(payload.documentId);
    if (!document || document.consultationId !== payload.consultationId) throw AppError.notFound('form document');
    await this.move(document, document.revision, { state: 'withdrawn' });
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'formWithdrawn', { consultationId: payload.consultationId, documentId: document.documentId });
    this.options.consultations.recordEvent(payload.consultationId, 'form_withdrawn', 'staff', { documentId: document.documentId, revision: document.revision });
    const withdrawn = await this.options.forms.document(document.documentId);
    return toInfo(withdrawn ?? document);
  }

  async askCorrection(principal: SocketPrincipal, payload: AskFormCorrectionPayload): Promise<void> {
    const { consultation, document } = await this.kioskDocument(principal, payload);
    if (!document.template.fields.some((field) => field.key === payload.fieldKey)) throw AppError.badRequest('no such field on this form');
    await this.move(document, payload.revision, { state: 'correction_asked', field: payload.fieldKey });
    this.toStaff(consultation, 'formCorrectionAsked', { consultationId: payload.consultationId, documentId: document.documentId, revision: payload.revision, fieldKey: payload.fieldKey });
    this.options.consultations.recordEvent(payload.consultationId, 'form_correction_asked', 'kiosk', { documentId: document.documentId, revision: payload.revision, fieldKey: payload.fieldKey });
  }

  async refuse(principal: SocketPrincipal, payload: FormRevisionPayload): Promise<void> {
    const { consultation, document } = await this.kioskDocument(principal, payload);
    await this.move(document, payload.revision, { state: 'refused' });
    const refused = await this.options.forms.document(document.documentId);
    if (refused) this.toStaff(consultation, 'formUpdated', toInfo(refused));
    this.options.consultations.recordEvent(payload.consultationId, 'form_refused', 'kiosk', { documentId: document.documentId, revision: payload.revision });
  }

  async sign(principal: SocketPrincipal, payload: SignFormPayload): Promise<SignFormResult> {
    const { consultation, document } = await this.kioskDocument(principal, payload);
    if (document.state !== 'shown' || document.revision !== payload.revision) throw this.stale(document, payload.revision);
    const signedAt = this.now();
    const pdf = await renderSignedFormPdf({
      documentId: document.documentId,
      revision: document.revision,
      consultationId: document.consultationId,
      template: document.template,
      values: document.values,
      strokes: payload.strokes,
      signedAt,
      kioskName: consultation.kiosk.name,
      staffName: consultation.staff?.displayName ?? '',
    });
    if (pdf.length > FORM_PDF_MAX_BYTES) throw AppError.badRequest('the signed document is too large to keep');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.move(document, payload.revision, { state: 'signed', pdf, sha256 }, signedAt);
    await this.options.audit.record(
      { actorKind: 'kiosk', actorId: principal.id, action: 'form_signed', targetType: 'form_document', targetId: document.documentId, details: { consultationId: document.consultationId, templateId: document.templateId, revision: document.revision, sha256, bytes: pdf.length } },
      signedAt,
    );
    const signed = await this.options.forms.document(document.documentId);
    if (signed) this.toStaff(consultation, 'formUpdated', toInfo(signed));
    this.options.consultations.recordEvent(document.consultationId, 'form_signed', 'kiosk', { documentId: document.documentId, revision: document.revision, sha256 });
    log.info({ consultationId: document.consultationId, documentId: document.documentId, bytes: pdf.length }, 'form signed');
    const settings = await this.options.forms.settings();
    return { documentId: document.documentId, sha256, printCopy: settings.kioskPrintCopy };
  }

  /** The kiosk of this call, answering about a document of this call. */
  private async kioskDocument(principal: SocketPrincipal, payload: { consultationId: string; documentId: string }): Promise<{ consultation: Consultation; document: FormDocumentRecord }> {
    if (principal.role !== 'kiosk') throw AppError.forbidden('only the kiosk answers a form');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const document = await this.options.forms.document(payload.documentId);
    if (!document || document.consultationId !== payload.consultationId || document.kioskId !== principal.id) throw AppError.notFound('form document');
    return { consultation, document };
  }

  private async move(document: FormDocumentRecord, revision: number, to: Parameters<FormRepository['transition']>[3], at = this.now()): Promise<void> {
    const moved = await this.options.forms.transition(document.documentId, revision, statesBefore(to.state), to, at);
    if (!moved) {
      const current = await this.options.forms.document(document.documentId);
      throw this.stale(current ?? document, revision);
    }
  }

  private stale(document: FormDocumentRecord, revision: number): AppError {
    if (document.state === 'signed') return new AppError(ErrorCode.Conflict, 'this form is already signed');
    if (document.revision !== revision) return new AppError(ErrorCode.Conflict, 'the form has changed since it was shown; sign the new version', { revision: document.revision });
    return AppError.invalidState(`the form cannot be answered now (${document.state})`);
  }

  private checkValues(fields: Parameters<typeof formValueProblems>[0], values: PushFormPayload['values']): void {
    const problems = formValueProblems(fields, values);
    // Field keys only: the values are personal data and stay out of errors and logs.
    if (Object.keys(problems).length > 0) throw AppError.badRequest('some fields are missing or invalid', { fields: problems });
  }

  private show(consultation: Consultation, document: FormDocumentRecord): void {
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'formShown', {
      consultationId: consultation.id,
      documentId: document.documentId,
      revision: document.revision,
      title: document.template.title,
      fields: document.template.fields,
      values: document.values,
    });
  }

  private toStaff<E extends 'formCorrectionAsked' | 'formUpdated'>(consultation: Consultation, event: E, payload: InCallPayload<E>): void {
    if (consultation.staff) this.options.notifier.toPeers([staffPeer(consultation.staff.id)], event, payload);
  }
}
