import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry } from '@madoguchi/contract/audit';
import type { FormDocumentInfo, FormTemplate, FormTemplateInput } from '@madoguchi/contract/forms';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { Page } from '@madoguchi/contract/pagination';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { CHILD_ALLOWANCE_TITLE, CONSENT_TITLE, consentValues, demoTemplates, SIGNATURE } from '../fixtures/forms';
import { guestTokenOf } from '../fixtures/guest-link';
import { pairKiosk } from '../fixtures/members';
import { loginStaff } from '../helpers/api-client';
import { until } from '../helpers/poll';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

const run = promisify(execFile);

const SIMPLE_TEMPLATE: FormTemplateInput = {
  title: { ja: '試験用 申請書', en: 'Test application' },
  departmentId: null,
  note: '',
  fields: [
    { key: 'name', type: 'text', label: { ja: '氏名', en: 'Name' }, required: true },
    { key: 'kind', type: 'choice', label: { ja: '種類' }, required: true, options: [{ value: 'a', label: { ja: 'ア' } }, { value: 'b', label: { ja: 'イ' } }] },
  ],
};

async function pdftotext(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'form-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const database of databaseKinds()) {
  describe(`書かない窓口: templates, correction, signature, refusal (${database} PostgreSQL)`, () => {
    let server: TestServer;
    let call: CallParties;
    const timelineUntil = (consultationId: string, check: (events: Awaited<ReturnType<TestServer['app']['repositories']['consultationEvents']['listFor']>>) => boolean) =>
      until(() => server.app.repositories.consultationEvents.listFor(consultationId), check, { what: 'the timeline event' });
    let admin: RestClient;
    let staff: RestClient;
    let templates: Map<string, FormTemplate>;
    const template = (title: string): FormTemplate => {
      const found = templates.get(title);
      if (!found) throw new Error(`no template ${title}`);
      return found;
    };

    before(async () => {
      server = await startTestServer({ database });
      templates = await demoTemplates(server);
      admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
      staff = restClient(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
      call = await startCall(server);
    });
    after(async () => {
      call?.close();
      await server?.close();
    });

    it('ships three demo templates, validates templates on save, and versions them', async () => {
      assert.equal(templates.size, 3);
      assert.ok(templates.has(CHILD_ALLOWANCE_TITLE) && templates.has('住民票の写し等交付請求書') && templates.has(CONSENT_TITLE));
      // Validated with zod on save.
      const bad = structuredClone(SIMPLE_TEMPLATE) as { fields: Record<string, unknown>[] };
      delete bad.fields[1]?.['options'];
      expectStatus(await admin.call('createFormTemplate', { body: bad }), 400);
      expectStatus(await admin.call('createFormTemplate', { body: { ...SIMPLE_TEMPLATE, fields: [SIMPLE_TEMPLATE.fields[0], SIMPLE_TEMPLATE.fields[0]] } }), 400);
      expectStatus(await staff.call('createFormTemplate', { body: SIMPLE_TEMPLATE }), 403);

      const v1 = expectStatus(await admin.call<FormTemplate>('createFormTemplate', { body: SIMPLE_TEMPLATE }), 201);
      assert.equal(v1.version, 1);
      const shown = nextEvent(call.kiosk, 'formShown');
      const document = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: v1.templateId, values: { name: '試験 一郎', kind: 'a' } }));
      assert.equal((await shown)[0].revision, 1);

      const v2 = expectStatus(await admin.call<FormTemplate>('saveFormTemplateVersion', { params: { id: v1.familyId }, body: { ...SIMPLE_TEMPLATE, title: { ja: '試験用 申請書（改）' } } }), 201);
      assert.equal(v2.version, 2);
      assert.equal(v2.familyId, v1.familyId);
      assert.notEqual(v2.templateId, v1.templateId);
      const latest = expectStatus(await staff.call<FormTemplate[]>('listFormTemplates'), 200);
      assert.deepEqual(latest.filter((t) => t.familyId === v1.familyId).map((t) => t.version), [2], 'staff choose from the latest version');
      const versions = expectStatus(await admin.call<FormTemplate[]>('listFormTemplateVersions', { params: { id: v1.familyId } }), 200);
      assert.deepEqual(versions.map((t) => [t.version, t.title.ja]), [[1, '試験用 申請書'], [2, '試験用 申請書（改）']]);

      // The document made from version 1 keeps pointing at version 1, even when corrected.
      const wrongVersion = await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: v2.templateId, values: { name: '試験 一郎', kind: 'a' }, documentId: document.documentId });
      assert.equal(!wrongVersion.ok && wrongVersion.error.code, 'BAD_REQUEST');
      const forms = expectStatus(await staff.call<FormDocumentInfo[]>('listConsultationForms', { params: { id: call.consultationId } }), 200);
      assert.equal(forms.find((f) => f.documentId === document.documentId)?.templateVersion, 1);
      assert.equal(forms.find((f) => f.documentId === document.documentId)?.templateId, v1.templateId);
      await assert.rejects(server.db.dataSource.query(`UPDATE form_template SET version = 9 WHERE id = $1`, [v1.templateId]), /never changed/);

      // Archived templates leave the staff's choice and cannot start new documents.
      expectStatus(await admin.call('archiveFormTemplate', { params: { id: v1.familyId }, body: { archived: true } }), 200);
      const after = expectStatus(await staff.call<FormTemplate[]>('listFormTemplates'), 200);
      assert.ok(!after.some((t) => t.familyId === v1.familyId));
      const archivedPush = await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: v2.templateId, values: { name: 'x', kind: 'a' } });
      assert.equal(!archivedPush.ok && archivedPush.error.code, 'NOT_FOUND');
    });

    it('refuses values that do not fit the template, naming only the fields', async () => {
      const attempt = await request(call.staff, 'pushForm', {
        consultationId: call.consultationId,
        templateId: template(CHILD_ALLOWANCE_TITLE).templateId,
        values: { applicantName: '山田 太郎', applicantKana: 'やまだ123', birthDate: '1990-02-30' },
      });
      assert.ok(!attempt.ok);
      assert.equal(attempt.error.code, 'BAD_REQUEST');
      const fields = (attempt.error.details as { fields: Record<string, string> }).fields;
      assert.equal(fields['applicantKana'], 'invalid');
      assert.equal(fields['birthDate'], 'invalid');
      assert.equal(fields['address'], 'required');
      assert.ok(!JSON.stringify(attempt.error).includes('山田'), 'no value in the error');
    });

    it('goes through a correction, refuses a stale or second signature and another kiosk, stores the signed PDF with its SHA-256 and audits views', async () => {
      const consent = template(CONSENT_TITLE);
      let shown = nextEvent(call.kiosk, 'formShown');
      const pushed = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('山田 太朗') }));
      const [first] = await shown;
      assert.equal(first.documentId, pushed.documentId);
      assert.equal(first.values['applicantName'], '山田 太朗');
      assert.equal(first.title.en, 'Consent to the consultation record', 'the kiosk gets the labels in every language');

      const asked = nextEvent(call.staff, 'formCorrectionAsked');
      expectOk(await request(call.kiosk, 'askFormCorrection', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, fieldKey: 'applicantName' }));
      assert.equal((await asked)[0].fieldKey, 'applicantName');
      const whileAsked = await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE });
      assert.ok(!whileAsked.ok, 'nothing is signed while a correction is pending');

      shown = nextEvent(call.kiosk, 'formShown');
      const corrected = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, documentId: pushed.documentId, values: consentValues('山田 太郎') }));
      assert.equal(corrected.revision, 2);
      assert.equal((await shown)[0].values['applicantName'], '山田 太郎');

      const stale = await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE });
      assert.equal(!stale.ok && stale.error.code, 'CONFLICT', 'the version no longer shown cannot be signed');

      const admin2 = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
      const other = await pairKiosk(server.url, admin2, '別の端末');
      const otherKiosk = await connectSocket(server.url, other.token);
      try {
        const foreign = await request(otherKiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 2, strokes: SIGNATURE });
        assert.equal(!foreign.ok && foreign.error.code, 'FORBIDDEN', 'a kiosk outside the call cannot sign');
      } finally {
        otherKiosk.close();
      }
      const staffSigns = await request(call.staff, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 2, strokes: SIGNATURE });
      assert.equal(!staffSigns.ok && staffSigns.error.code, 'FORBIDDEN', 'only the kiosk signs');

      const updated = nextEvent(call.staff, 'formUpdated');
      const signed = expectOk(await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 2, strokes: SIGNATURE }));
      const [info] = await updated;
      assert.equal(info.state, 'signed', '署名済み reaches the staff at once');
      assert.equal(info.pdfSha256, signed.sha256);
      assert.equal(signed.printCopy, false);

      const again = await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 2, strokes: SIGNATURE });
      assert.equal(!again.ok && again.error.code, 'CONFLICT', 'a second signature is refused');
      const resend = await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, documentId: pushed.documentId, values: consentValues('別人') });
      assert.ok(!resend.ok, 'a signed document is never changed');

      const response = await fetch(`${server.url}/api/forms/${pushed.documentId}/pdf`, { headers: { authorization: `Bearer ${(await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken}` } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      const pdf = Buffer.from(await response.arrayBuffer());
      assert.equal(createHash('sha256').update(pdf).digest('hex'), signed.sha256);
      const rows: { pdf_sha256: string; bytes: number }[] = await server.db.dataSource.query(`SELECT pdf_sha256, octet_length(pdf) AS bytes FROM form_document WHERE id = $1`, [pushed.documentId]);
      assert.equal(rows[0]?.pdf_sha256, signed.sha256, 'the record holds the SHA-256 of the stored bytes');
      assert.equal(Number(rows[0]?.bytes), pdf.length);
      if (existsSync('/usr/bin/pdftotext')) {
        const text = await pdftotext(pdf);
        for (const expected of ['相談記録への同意書', '山田 太郎', '令和8年12月4日', '中央図書館 相談窓口', '第2稿']) assert.ok(text.includes(expected), `the PDF says ${expected}`);
        assert.ok(!text.includes('山田 太朗'), 'the signed PDF has the corrected value only');
      }

      const audit = expectStatus(await admin.call<Page<AuditEntry>>('listAudit', { query: { pageSize: 100 } }), 200).items.filter((e) => e.targetId === pushed.documentId);
      assert.deepEqual(audit.map((e) => e.action).sort(), ['form_signed', 'form_viewed']);
      assert.equal(audit.find((e) => e.action === 'form_signed')?.details['sha256'], signed.sha256);

      // The timeline is written behind the answers (it never holds up the call): read until the last one is in.
      const events = await timelineUntil(call.consultationId, (all) => all.some((e) => e.type === 'form_signed' && e.details['documentId'] === pushed.documentId));
      const mine = events.filter((e) => e.details['documentId'] === pushed.documentId).map((e) => e.type);
      assert.deepEqual(mine, ['form_shown', 'form_correction_asked', 'form_shown', 'form_signed']);
      assert.ok(!JSON.stringify(events).includes('山田'), 'the timeline keeps no values');
    });

    it('signs once when the kiosk sends 「この内容で申請する」 three times at once, and a correction racing the signature never both succeed', async () => {
      const consent = template(CONSENT_TITLE);
      const pushed = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('並行 一郎') }));
      const sign = () => request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE });
      const answers = await Promise.all([sign(), sign(), sign()]);
      assert.equal(answers.filter((a) => a.ok).length, 1, JSON.stringify(answers.map((a) => (a.ok ? 'ok' : a.error.code))));
      assert.ok(answers.every((a) => a.ok || a.error.code === 'CONFLICT'));
      const audited: { n: string }[] = await server.db.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'form_signed' AND target_id = $1`, [pushed.documentId]);
      assert.equal(Number(audited[0]?.n), 1, 'one signature audited');

      const raced = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('並行 二郎') }));
      const [signed, corrected] = await Promise.all([
        request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: raced.documentId, revision: 1, strokes: SIGNATURE }),
        request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, documentId: raced.documentId, values: consentValues('並行 三郎') }),
      ]);
      assert.equal([signed.ok, corrected.ok].filter(Boolean).length, 1, 'either the signature or the correction, never both');
      const stored = await server.app.repositories.forms.document(raced.documentId);
      if (signed.ok) assert.deepEqual([stored?.state, stored?.revision, stored?.values['applicantName']], ['signed', 1, '並行 二郎']);
      else assert.deepEqual([stored?.state, stored?.revision], ['shown', 2]);
    });

    it('records a refusal, after which nothing can be signed', async () => {
      const consent = template(CONSENT_TITLE);
      const pushed = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('鈴木 一') }));
      const updated = nextEvent(call.staff, 'formUpdated');
      expectOk(await request(call.kiosk, 'refuseForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1 }));
      const [info] = await updated;
      assert.equal(info.state, 'refused');
      assert.ok(info.refusedAt);
      const late = await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE });
      assert.ok(!late.ok);
      await timelineUntil(call.consultationId, (all) => all.some((e) => e.type === 'form_refused' && e.details['documentId'] === pushed.documentId));
      expectStatus(await staff.call('getFormPdf', { params: { id: pushed.documentId } }), 404);
    });

    it('lets staff withdraw a form the resident has not answered: the kiosk is told at once, the timeline records it, nothing can be signed', async () => {
      const consent = template(CONSENT_TITLE);
      const pushed = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('佐藤 次郎') }));
      expectOk(await request(call.kiosk, 'askFormCorrection', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, fieldKey: 'applicantName' }));

      const kioskOnly = await request(call.kiosk, 'withdrawForm', { consultationId: call.consultationId, documentId: pushed.documentId });
      assert.equal(!kioskOnly.ok && kioskOnly.error.code, 'FORBIDDEN', 'only staff withdraw a form');

      const cleared = nextEvent(call.kiosk, 'formWithdrawn');
      const withdrawn = expectOk(await request(call.staff, 'withdrawForm', { consultationId: call.consultationId, documentId: pushed.documentId }));
      assert.equal(withdrawn.state, 'withdrawn');
      assert.deepEqual((await cleared)[0], { consultationId: call.consultationId, documentId: pushed.documentId });

      const late = await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE });
      assert.ok(!late.ok, 'a withdrawn form cannot be signed');
      const resend = await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, documentId: pushed.documentId, values: consentValues('佐藤 次郎') });
      assert.ok(!resend.ok, 'a withdrawn form is not sent again; staff start a new one');
      const twice = await request(call.staff, 'withdrawForm', { consultationId: call.consultationId, documentId: pushed.documentId });
      assert.ok(!twice.ok, 'withdrawn once');

      const forms = expectStatus(await staff.call<FormDocumentInfo[]>('listConsultationForms', { params: { id: call.consultationId } }), 200);
      assert.equal(forms.find((f) => f.documentId === pushed.documentId)?.state, 'withdrawn', 'the record lists it as withdrawn');
      const events = await timelineUntil(call.consultationId, (all) => all.some((e) => e.type === 'form_withdrawn' && e.details['documentId'] === pushed.documentId));
      const mine = events.filter((e) => e.details['documentId'] === pushed.documentId).map((e) => [e.type, e.actor]);
      assert.deepEqual(mine, [['form_shown', 'staff'], ['form_correction_asked', 'kiosk'], ['form_withdrawn', 'staff']]);

      // A signed document cannot be withdrawn.
      const signedId = (await server.app.repositories.forms.listFor(call.consultationId)).find((f) => f.state === 'signed')?.documentId ?? '';
      const signedWithdraw = await request(call.staff, 'withdrawForm', { consultationId: call.consultationId, documentId: signedId });
      assert.equal(!signedWithdraw.ok && signedWithdraw.error.code, 'CONFLICT');
    });

    it('shows documents only to those who may see the record; a guest sees nothing', async () => {
      const signedId = (await server.app.repositories.forms.listFor(call.consultationId)).find((f) => f.state === 'signed')?.documentId ?? '';
      assert.ok(signedId);
      const link = expectStatus(await staff.call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: {} }), 201);
      const guestToken = guestTokenOf(link);
      const guestRest = restClient(server.url, guestToken);
      assert.ok([401, 403].includes((await guestRest.call('getFormPdf', { params: { id: signedId } })).status), 'a guest cannot open the PDF');
      assert.ok([401, 403].includes((await guestRest.call('listConsultationForms', { params: { id: call.consultationId } })).status), 'a guest cannot list the forms');
      const guest = await connectSocket(server.url, guestToken);
      const guestEvents: string[] = [];
      guest.onAny((event: string) => guestEvents.push(event));
      try {
        const push = await request(guest, 'pushForm', { consultationId: call.consultationId, templateId: template(CONSENT_TITLE).templateId, values: consentValues('x') });
        assert.equal(!push.ok && push.error.code, 'FORBIDDEN');
        const sign = await request(guest, 'signForm', { consultationId: call.consultationId, documentId: signedId, revision: 2, strokes: SIGNATURE });
        assert.equal(!sign.ok && sign.error.code, 'FORBIDDEN');
        // A form shown while the guest is in the call goes to the kiosk only.
        const shown = nextEvent(call.kiosk, 'formShown');
        expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: template(CONSENT_TITLE).templateId, values: consentValues('田中 花子') }));
        await shown;
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.ok(!guestEvents.some((e) => e.startsWith('form')), `the guest received ${guestEvents.join(', ')}`);
      } finally {
        guest.close();
      }

      // Staff of another department: see all-roles.test.ts, where the call belongs to a department.
      expectStatus(await admin.call('listConsultationForms', { params: { id: call.consultationId } }), 200);
    });

    it('lets the kiosk record a printed copy only when the town enables it', async () => {
      const signedId = (await server.app.repositories.forms.listFor(call.consultationId)).find((f) => f.state === 'signed')?.documentId ?? '';
      const kioskRest = restClient(server.url, (await (await import('../helpers/api-client')).kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      expectStatus(await kioskRest.call('recordFormCopyPrinted', { params: { id: signedId } }), 403);
      expectStatus(await staff.call('updateFormSettings', { body: { kioskPrintCopy: true } }), 403);
      expectStatus(await admin.call('updateFormSettings', { body: { kioskPrintCopy: true } }), 200);
      expectStatus(await kioskRest.call('recordFormCopyPrinted', { params: { id: signedId } }), 200);
      const audit = expectStatus(await admin.call<Page<AuditEntry>>('listAudit', { query: { pageSize: 100, action: 'form_copy_printed' } }), 200);
      assert.equal(audit.items[0]?.targetId, signedId);
      expectStatus(await admin.call('updateFormSettings', { body: { kioskPrintCopy: false } }), 200);
    });

    // Last: it ends the suite's call.
    it('withdraws a form the resident had not answered when the call ends, and a form pushed while the call ends is never left shown', async () => {
      const consent = template(CONSENT_TITLE);
      const open = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent.templateId, values: consentValues('木村 三郎') }));
      expectOk(await request(call.kiosk, 'hangUp', { consultationId: call.consultationId }));
      const afterEnd = await until(
        () => server.app.repositories.forms.listFor(call.consultationId),
        (forms) => forms.find((f) => f.documentId === open.documentId)?.state === 'withdrawn',
        { what: 'the open form withdrawn with the call' },
      );
      assert.ok(!afterEnd.some((f) => f.state === 'shown' || f.state === 'correction_asked'), 'nothing is left 「住民の方が確認中」 on an ended call');
      assert.ok(afterEnd.some((f) => f.state === 'signed'), 'a signed form stays signed');
      await timelineUntil(call.consultationId, (all) => all.some((e) => e.type === 'form_left_unanswered' && e.actor === 'system' && e.details['documentId'] === open.documentId));

      // 「表示」 racing the hang-up: the call ends while the document row is being written.
      const racing = await startCall(server);
      const repository = server.app.repositories.forms;
      const createDocument = repository.createDocument.bind(repository);
      repository.createDocument = async (input) => {
        expectOk(await request(racing.kiosk, 'hangUp', { consultationId: racing.consultationId }));
        return createDocument(input);
      };
      try {
        const late = await request(racing.staff, 'pushForm', { consultationId: racing.consultationId, templateId: consent.templateId, values: consentValues('木村 三郎') });
        assert.equal(!late.ok && late.error.code, 'INVALID_STATE', 'staff hear the form was not shown');
      } finally {
        repository.createDocument = createDocument;
        racing.close();
      }
      const raced = await repository.listFor(racing.consultationId);
      assert.equal(raced.length, 1);
      assert.deepEqual(raced.map((f) => f.state), ['withdrawn']);
    });
  });
}
