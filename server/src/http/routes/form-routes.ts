import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import type { FormRepository } from '../../db/repositories/form-repository';
import { AppError } from '../../domain/app-error';
import { FileResponse, kioskOf, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** How long after signing the kiosk may report the copy it printed. */
const PRINT_WINDOW_MS = 10 * 60_000;

/**
 * 書かない窓口 over REST: admins keep versioned templates; staff who may see a consultation
 * record see its forms and open signed PDFs (each view audited); the kiosk reports a printed copy.
 */
export function registerFormRoutes(api: ApiRegistry, deps: RouteDeps & { forms: FormRepository }): void {
  const { forms } = deps;
  // The same rule as the record and its snapshots: admins, the member who answered, or members of its department.
  const mayView = async (caller: { staffId: string; role: 'staff' | 'admin' }, record: ConsultationRecord): Promise<boolean> => {
    if (caller.role === 'admin' || record.staffId === caller.staffId || record.departmentId === null) return true;
    return (await deps.staff.departmentIdsOf(caller.staffId)).includes(record.departmentId);
  };
  const checkDepartment = async (departmentId: string | null) => {
    if (departmentId && !(await deps.departments.findById(departmentId))) throw AppError.badRequest('no such department');
  };

  api.handle('listFormTemplates', async ({ query, caller }) => {
    const includeArchived = query.archived === 'true' && staffOf(caller).role === 'admin';
    return forms.latestTemplates({ includeArchived });
  });

  api.handle('createFormTemplate', async ({ body, caller }) => {
    await checkDepartment(body.departmentId);
    const actor = staffOf(caller);
    const saved = await forms.saveTemplate(body, actor.staffId);
    if (!saved) throw new Error('template insert returned nothing');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'form_template_saved', targetType: 'form_template', targetId: saved.templateId, details: { familyId: saved.familyId, version: saved.version } });
    return saved;
  });

  api.handle('saveFormTemplateVersion', async ({ params, body, caller }) => {
    await checkDepartment(body.departmentId);
    const actor = staffOf(caller);
    const saved = await forms.saveTemplate(body, actor.staffId, params.id);
    if (!saved) throw AppError.notFound('form template');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'form_template_saved', targetType: 'form_template', targetId: saved.templateId, details: { familyId: saved.familyId, version: saved.version } });
    return saved;
  });

  api.handle('listFormTemplateVersions', async ({ params }) => {
    const versions = await forms.versions(params.id);
    if (versions.length === 0) throw AppError.notFound('form template');
    return versions;
  });

  api.handle('archiveFormTemplate', async ({ params, body, caller }) => {
    if (!(await forms.setArchived(params.id, body.archived))) throw AppError.notFound('form template');
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'form_template_archived', targetType: 'form_template', targetId: params.id, details: { archived: body.archived } });
    return null;
  });

  api.handle('getFormSettings', async () => forms.settings());

  api.handle('updateFormSettings', async ({ body, caller }) => {
    const actor = staffOf(caller);
    await forms.saveSettings(body, actor.staffId, deps.now());
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'settings_updated', targetType: 'setting', details: { setting: 'forms', kioskPrintCopy: body.kioskPrintCopy } });
    return body;
  });

  api.handle('listConsultationForms', async ({ params, caller }) => {
    const record = await deps.consultations.findById(params.id);
    if (!record || !(await mayView(staffOf(caller), record))) throw AppError.notFound('consultation');
    return forms.listFor(params.id);
  });

  api.handle('getFormPdf', async ({ params, caller }) => {
    const actor = staffOf(caller);
    const pdf = await forms.pdf(params.id);
    const record = pdf ? await deps.consultations.findById(pdf.consultationId) : null;
    if (!pdf || !record || !(await mayView(actor, record))) throw AppError.notFound('signed form');
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'form_viewed', targetType: 'form_document', targetId: params.id, details: { consultationId: pdf.consultationId, sha256: pdf.sha256 } });
    return new FileResponse('application/pdf', `form-${params.id.slice(0, 8)}.pdf`, pdf.content);
  });

  api.handle('recordFormCopyPrinted', async ({ params, caller }) => {
    const { kioskId } = kioskOf(caller);
    const pdf = await forms.pdf(params.id);
    if (!pdf || pdf.kioskId !== kioskId || deps.now().getTime() - pdf.signedAt.getTime() > PRINT_WINDOW_MS) throw AppError.notFound('signed form');
    if (!(await forms.settings()).kioskPrintCopy) throw AppError.forbidden('this town does not print copies at the kiosk');
    await deps.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'form_copy_printed', targetType: 'form_document', targetId: params.id, details: { consultationId: pdf.consultationId } });
    return null;
  });
}
