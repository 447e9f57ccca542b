import type { FormDocumentInfo, FormSettings, FormTemplate, FormTemplateInput } from '@contract/forms';
import type { RequestOptions } from '../../api/http-client';
import { callRoute, downloadRoute } from '../../api/route-call';

export function listFormTemplates(options: RequestOptions & { archived?: boolean }): Promise<FormTemplate[]> {
  const { archived, ...rest } = options;
  return callRoute<FormTemplate[]>('listFormTemplates', { ...rest, query: archived ? { archived: 'true' } : {} });
}

export function saveFormTemplate(familyId: string | null, body: FormTemplateInput, options: RequestOptions): Promise<FormTemplate> {
  return familyId
    ? callRoute<FormTemplate>('saveFormTemplateVersion', { ...options, params: { id: familyId }, body })
    : callRoute<FormTemplate>('createFormTemplate', { ...options, body });
}

export function archiveFormTemplate(familyId: string, archived: boolean, options: RequestOptions): Promise<null> {
  return callRoute<null>('archiveFormTemplate', { ...options, params: { id: familyId }, body: { archived } });
}

export function getFormSettings(options: RequestOptions): Promise<FormSettings> {
  return callRoute<FormSettings>('getFormSettings', options);
}

export function saveFormSettings(body: FormSettings, options: RequestOptions): Promise<FormSettings> {
  return callRoute<FormSettings>('updateFormSettings', { ...options, body });
}

export function listSessionForms(sessionId: string, options: RequestOptions): Promise<FormDocumentInfo[]> {
  return callRoute<FormDocumentInfo[]>('listSessionForms', { ...options, params: { id: sessionId } });
}

/** The signed PDF; every fetch is audited on the server. */
export async function fetchFormPdf(documentId: string, options: RequestOptions): Promise<Blob> {
  const { blob } = await downloadRoute('getFormPdf', 'application/pdf', { ...options, params: { id: documentId } });
  return blob;
}
