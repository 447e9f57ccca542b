import type { DataSource } from 'typeorm';
import { returnedRows } from '../query-result';
import { FormSettings, FormTemplateInput, type FormDocumentInfo, type FormDocumentState, type FormTemplate, type FormValues } from '@madoguchi/contract/forms';

interface TemplateRow {
  id: string;
  family_id: string;
  version: number;
  department_id: string | null;
  department_name: string | null;
  definition: unknown;
  archived: boolean;
  created_at: Date;
}

interface DocumentRow {
  id: string;
  session_id: string;
  template_id: string;
  template_version: number;
  definition: unknown;
  kiosk_id: string;
  staff_id: string;
  revision: number;
  state: FormDocumentState;
  field_values: FormValues;
  correction_field: string | null;
  created_at: Date;
  signed_at: Date | null;
  refused_at: Date | null;
  pdf_sha256: string | null;
  pdf_bytes: number | null;
}

export interface FormDocumentRecord extends FormDocumentInfo {
  kioskId: string;
  staffId: string;
  template: FormTemplate;
  values: FormValues;
}

const FORM_SETTINGS = 'forms';

const toTemplate = (row: TemplateRow): FormTemplate => {
  // Rows were validated on save; parsing again keeps the type honest and fills defaults.
  const definition = FormTemplateInput.parse({ ...(row.definition as object), departmentId: row.department_id });
  return {
    templateId: row.id,
    familyId: row.family_id,
    version: row.version,
    title: definition.title,
    note: definition.note,
    fields: definition.fields,
    departmentId: row.department_id,
    departmentName: row.department_name,
    archived: row.archived,
    createdAt: row.created_at.toISOString(),
  };
};

const TEMPLATE_SELECT = `
  SELECT t.id, t.family_id, t.version, t.department_id, d.name AS department_name, t.definition, f.archived, t.created_at
  FROM form_template t JOIN form_template_family f ON f.id = t.family_id LEFT JOIN department d ON d.id = t.department_id`;

const DOCUMENT_SELECT = `
  SELECT fd.id, fd.session_id, fd.template_id, t.version AS template_version, t.definition, fd.kiosk_id, fd.staff_id, fd.revision,
         fd.state, fd.field_values, fd.correction_field, fd.created_at, fd.signed_at, fd.refused_at, fd.pdf_sha256,
         octet_length(fd.pdf) AS pdf_bytes
  FROM form_document fd JOIN form_template t ON t.id = fd.template_id`;

/** Templates (one immutable row per version) and the documents made from them. */
export class FormRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new template (version 1), or a new version of `familyId`. */
  async saveTemplate(input: FormTemplateInput, by: string | null, familyId?: string): Promise<FormTemplate | null> {
    const { departmentId, ...definition } = input;
    return this.dataSource.transaction(async (manager) => {
      let family = familyId;
      if (family) {
        // Locks the family so two admins saving at once get versions n+1 and n+2.
        const found: { id: string }[] = await manager.query(`SELECT id FROM form_template_family WHERE id = $1 FOR UPDATE`, [family]);
        if (found.length === 0) return null;
      } else {
        const created: { id: string }[] = await manager.query(`INSERT INTO form_template_family (id) VALUES (gen_random_uuid()) RETURNING id`);
        family = created[0]?.id;
      }
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO form_template (family_id, version, department_id, definition, created_by)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4 FROM form_template WHERE family_id = $1 RETURNING id`,
        [family, departmentId, JSON.stringify(definition), by],
      );
      const created: TemplateRow[] = await manager.query(`${TEMPLATE_SELECT} WHERE t.id = $1`, [rows[0]?.id]);
      return created[0] ? toTemplate(created[0]) : null;
    });
  }

  async setArchived(familyId: string, archived: boolean): Promise<boolean> {
    const result: unknown = await this.dataSource.query(`UPDATE form_template_family SET archived = $2 WHERE id = $1 RETURNING id`, [familyId, archived]);
    return returnedRows(result).length > 0;
  }

  /** The latest version of every template (archived ones only when asked). */
  async latestTemplates(options: { includeArchived: boolean }): Promise<FormTemplate[]> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `${TEMPLATE_SELECT}
       WHERE t.version = (SELECT MAX(version) FROM form_template x WHERE x.family_id = t.family_id) ${options.includeArchived ? '' : 'AND NOT f.archived'}
       ORDER BY t.created_at, t.id`,
    );
    return rows.map(toTemplate);
  }

  async versions(familyId: string): Promise<FormTemplate[]> {
    const rows: TemplateRow[] = await this.dataSource.query(`${TEMPLATE_SELECT} WHERE t.family_id = $1 ORDER BY t.version`, [familyId]);
    return rows.map(toTemplate);
  }

  async templateById(templateId: string): Promise<FormTemplate | null> {
    const rows: TemplateRow[] = await this.dataSource.query(`${TEMPLATE_SELECT} WHERE t.id = $1`, [templateId]);
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  async countTemplates(): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM form_template_family`);
    return Number(rows[0]?.n ?? 0);
  }

  async createDocument(input: { consultationId: string; templateId: string; kioskId: string; staffId: string; values: FormValues; at: Date }): Promise<FormDocumentRecord> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO form_document (session_id, template_id, kiosk_id, staff_id, state, field_values, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'shown', $5, $6, $6) RETURNING id`,
      [input.consultationId, input.templateId, input.kioskId, input.staffId, JSON.stringify(input.values), input.at],
    );
    const created = await this.document(rows[0]?.id ?? '');
    if (!created) throw new Error('form document insert returned nothing');
    return created;
  }

  /** Staff send corrected values: a new revision, shown again. Only before it is signed or refused. */
  async revise(documentId: string, values: FormValues, at: Date): Promise<FormDocumentRecord | null> {
    const rows = returnedRows<{ id: string }>(await this.dataSource.query(
      `UPDATE form_document SET field_values = $2, revision = revision + 1, state = 'shown', correction_field = NULL, updated_at = $3
       WHERE id = $1 AND state IN ('shown', 'correction_asked') RETURNING id`,
      [documentId, JSON.stringify(values), at],
    ));
    return rows[0] ? this.document(documentId) : null;
  }

  /**
   * Moves one revision from `shown` (or the given states) to the next state. The revision and the
   * state are in the WHERE clause, so a stale revision or a second signature changes nothing.
   */
  async transition(
    documentId: string,
    revision: number,
    from: FormDocumentState[],
    to: { state: 'correction_asked'; field: string } | { state: 'refused' } | { state: 'withdrawn' } | { state: 'signed'; pdf: Buffer; sha256: string },
    at: Date,
  ): Promise<boolean> {
    const sets = ['state = $4', 'updated_at = $5'];
    const params: unknown[] = [documentId, revision, from, to.state, at];
    if (to.state === 'correction_asked') {
      params.push(to.field);
      sets.push(`correction_field = $${params.length}`);
    } else if (to.state === 'refused') sets.push('refused_at = $5');
    else if (to.state === 'signed') {
      params.push(to.pdf, to.sha256);
      sets.push('signed_at = $5', `pdf = $${params.length - 1}`, `pdf_sha256 = $${params.length}`);
    }
    const result: unknown = await this.dataSource.query(
      `UPDATE form_document SET ${sets.join(', ')} WHERE id = $1 AND revision = $2 AND state = ANY($3::text[]) RETURNING id`,
      params,
    );
    return returnedRows(result).length === 1;
  }

  /**
   * The call ended: every document still on the kiosk (shown, or waiting for a correction) is
   * withdrawn, so the record never says 「住民の方が確認中」 about a call that is over.
   */
  async withdrawOpen(consultationId: string, at: Date): Promise<{ documentId: string; revision: number }[]> {
    const rows = returnedRows<{ id: string; revision: number }>(await this.dataSource.query(
      `UPDATE form_document SET state = 'withdrawn', updated_at = $2
       WHERE session_id = $1 AND state IN ('shown', 'correction_asked') RETURNING id, revision`,
      [consultationId, at],
    ));
    return rows.map((row) => ({ documentId: row.id, revision: Number(row.revision) }));
  }

  async document(documentId: string): Promise<FormDocumentRecord | null> {
    const rows: DocumentRow[] = await this.dataSource.query(`${DOCUMENT_SELECT} WHERE fd.id = $1`, [documentId]);
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  async listFor(consultationId: string): Promise<FormDocumentInfo[]> {
    const rows: DocumentRow[] = await this.dataSource.query(`${DOCUMENT_SELECT} WHERE fd.session_id = $1 ORDER BY fd.created_at, fd.id`, [consultationId]);
    return rows.map((row) => toInfo(this.toRecord(row)));
  }

  async pdf(documentId: string): Promise<{ consultationId: string; kioskId: string; signedAt: Date; sha256: string; content: Buffer } | null> {
    const rows: { session_id: string; kiosk_id: string; signed_at: Date; pdf_sha256: string; pdf: Buffer }[] = await this.dataSource.query(
      `SELECT session_id, kiosk_id, signed_at, pdf_sha256, pdf FROM form_document WHERE id = $1 AND state = 'signed'`,
      [documentId],
    );
    const row = rows[0];
    return row ? { consultationId: row.session_id, kioskId: row.kiosk_id, signedAt: row.signed_at, sha256: row.pdf_sha256, content: row.pdf } : null;
  }

  async settings(): Promise<FormSettings> {
    const rows: { value: unknown }[] = await this.dataSource.query(`SELECT value FROM town_setting WHERE key = $1`, [FORM_SETTINGS]);
    const parsed = FormSettings.safeParse(rows[0]?.value);
    return parsed.success ? parsed.data : { kioskPrintCopy: false };
  }

  async saveSettings(value: FormSettings, by: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO town_setting (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [FORM_SETTINGS, JSON.stringify(value), at, by],
    );
  }

  private toRecord(row: DocumentRow): FormDocumentRecord {
    const definition = FormTemplateInput.parse({ ...(row.definition as object), departmentId: null });
    const template: FormTemplate = {
      templateId: row.template_id,
      familyId: '',
      version: row.template_version,
      title: definition.title,
      note: definition.note,
      fields: definition.fields,
      departmentId: null,
      departmentName: null,
      archived: false,
      createdAt: row.created_at.toISOString(),
    };
    return {
      documentId: row.id,
      consultationId: row.session_id,
      templateId: row.template_id,
      templateVersion: row.template_version,
      title: definition.title.ja,
      revision: row.revision,
      state: row.state,
      correctionField: row.correction_field,
      createdAt: row.created_at.toISOString(),
      signedAt: row.signed_at?.toISOString() ?? null,
      refusedAt: row.refused_at?.toISOString() ?? null,
      pdfSha256: row.pdf_sha256,
      pdfBytes: row.pdf_bytes === null ? null : Number(row.pdf_bytes),
      kioskId: row.kiosk_id,
      staffId: row.staff_id,
      template,
      values: row.field_values,
    };
  }
}

export const toInfo = (record: FormDocumentRecord): FormDocumentInfo => ({
  documentId: record.documentId,
  consultationId: record.consultationId,
  templateId: record.templateId,
  templateVersion: record.templateVersion,
  title: record.title,
  revision: record.revision,
  state: record.state,
  correctionField: record.correctionField,
  createdAt: record.createdAt,
  signedAt: record.signedAt,
  refusedAt: record.refusedAt,
  pdfSha256: record.pdfSha256,
  pdfBytes: record.pdfBytes,
});
