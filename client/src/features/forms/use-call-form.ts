import { useEffect, useState } from 'react';
import { formValueProblems, type FormDocumentInfo, type FormTemplate, type FormValues } from '@madoguchi/contract/forms';
import type { CallContext } from '@madoguchi/contract/call-context';
import { getCallContext } from '../../api/consultations-api';
import { useApi } from '../../hooks/use-api';
import { useStaffCall } from '../../hooks/use-call-client';
import { languageNameJa } from '../../i18n/messages';
import { listFormTemplates } from './forms-api';

export interface CallForm {
  templates: readonly FormTemplate[] | null;
  template: FormTemplate | null;
  values: FormValues;
  problems: Record<string, string>;
  /** The document on the kiosk, once pushed. */
  document: FormDocumentInfo | null;
  busy: boolean;
  failed: boolean;
  withdrawFailed: boolean;
  choose(templateId: string | null): void;
  change(key: string, value: string | boolean): void;
  push(): void;
  /** Takes the form off the kiosk before the resident answers it. */
  withdraw(): void;
}

function prefilled(template: FormTemplate, context: CallContext | null): FormValues {
  const values: FormValues = {};
  for (const field of template.fields) {
    if (field.prefill === 'residentName' && context?.resident) values[field.key] = context.resident.name;
    else if (field.prefill === 'residentKana' && context?.resident) values[field.key] = context.resident.kana;
    else if (field.prefill === 'language' && context) values[field.key] = languageNameJa(context.language);
  }
  return values;
}

/**
 * The form of this call: staff choose a template, fill it (prefilled from the booking), show it on
 * the kiosk, and follow what the resident does with it (「ここが違います」, 署名済み, refusal).
 */
export function useCallForm(consultationId: string | null): CallForm {
  const staffCall = useStaffCall();
  const { run } = useApi();
  const [templates, setTemplates] = useState<readonly FormTemplate[] | null>(null);
  const [template, setTemplate] = useState<FormTemplate | null>(null);
  const [context, setContext] = useState<CallContext | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [showProblems, setShowProblems] = useState(false);
  const [document, setDocument] = useState<FormDocumentInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [withdrawFailed, setWithdrawFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    run((o) => listFormTemplates(o), controller.signal).then(setTemplates, () => setTemplates([]));
    return () => controller.abort();
  }, [run]);

  useEffect(() => {
    if (!consultationId) return;
    setDocument(null);
    setTemplate(null);
    setValues({});
    const controller = new AbortController();
    run((o) => getCallContext(consultationId, o), controller.signal).then(setContext, () => setContext(null));
    const offCorrection = staffCall.onServerEvent('formCorrectionAsked', (asked) => {
      if (asked.consultationId !== consultationId) return;
      setDocument((prev) => (prev && prev.documentId === asked.documentId ? { ...prev, state: 'correction_asked', correctionField: asked.fieldKey } : prev));
    });
    const offUpdated = staffCall.onServerEvent('formUpdated', (info) => {
      if (info.consultationId !== consultationId) return;
      setDocument((prev) => (prev && prev.documentId === info.documentId ? info : prev));
    });
    return () => {
      controller.abort();
      offCorrection();
      offUpdated();
    };
  }, [staffCall, consultationId, run]);

  const problems = template && showProblems ? formValueProblems(template.fields, values) : {};

  const choose = (templateId: string | null) => {
    const next = templates?.find((candidate) => candidate.templateId === templateId) ?? null;
    setTemplate(next);
    setValues(next ? prefilled(next, context) : {});
    setDocument(null);
    setShowProblems(false);
    setFailed(false);
  };

  const change = (key: string, value: string | boolean) => setValues((prev) => ({ ...prev, [key]: value }));

  const push = () => {
    if (!consultationId || !template) return;
    setShowProblems(true);
    if (Object.keys(formValueProblems(template.fields, values)).length > 0) return;
    setBusy(true);
    setFailed(false);
    const resend = document && (document.state === 'shown' || document.state === 'correction_asked') ? document.documentId : undefined;
    staffCall
      .sendStaffRequest('pushForm', { consultationId, templateId: template.templateId, values, ...(resend ? { documentId: resend } : {}) })
      .then(setDocument, () => setFailed(true))
      .finally(() => setBusy(false));
  };

  const withdraw = () => {
    if (!consultationId || !document) return;
    setBusy(true);
    setWithdrawFailed(false);
    staffCall
      .sendStaffRequest('withdrawForm', { consultationId, documentId: document.documentId })
      .then(setDocument, () => setWithdrawFailed(true))
      .finally(() => setBusy(false));
  };

  return { templates, template, values, problems, document, busy, failed, withdrawFailed, choose, change, push, withdraw };
}
