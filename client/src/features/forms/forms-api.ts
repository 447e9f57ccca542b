import type { FormDocumentInfo, FormSettings, FormTemplate, FormTemplateInput } from '@madoguchi/contract/forms';
import type { RequestOptions } from '../../api/http-client';
import { callRoute, downloadRoute } from '../../api/route-call';

export function listFormTemplates(options: RequestOptions & { archived?: boolean }): Promise<FormTemplate[]> {
  const { archived, ...rest } = options;
  return callRoute('listFormTemplates', { ...rest, query: archived ? { archived: 'true' } : {} });
}

export function saveFormTemplate(familyId: string | null, body: FormTemplateInput, options: RequestOptions): Promise<FormTemplate> {
  return familyId ? callRoute('saveFormTemplateVersion', { ...options, params: { id: familyId }, body }) : callRoute('createFormTemplate', { ...options, body });
}

export function archiveFormTemplate(familyId: string, archived: boolean, options: RequestOptions): Promise<null> {
  return callRoute('archiveFormTemplate', { ...options, params: { id: familyId }, body: { archived } });
}

export function getFormSettings(options: RequestOptions): Promise<FormSettings> {
  return callRoute('getFormSettings', options);
}

export function saveFormSettings(body: FormSettings, options: RequestOptions): Promise<FormSettings> {
  return callRoute('updateFormSettings', { ...options, body });
}

export function listConsultationForms(consultationId: string, options: RequestOptions): Promise<FormDocumentInfo[]> {
  return callRoute('listConsultationForms', { ...options, params: { id: consultationId } });
}

/** The signed PDF; every fetch is audited on the server. */
export async function fetchFormPdf(documentId: string, options: RequestOptions): Promise<Blob> {
  const { blob } = await downloadRoute('getFormPdf', 'application/pdf', { ...options, params: { id: documentId } });
  return blob;
}
