/**
 * bench:forms — the signed PDF of a 2-page form (書かない窓口): generation time alone and the whole
 * signForm round trip over Socket.IO (PDF, PostgreSQL write, audit row), and the stored size.
 */
import os from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { FormTemplateInput, type FormValues } from '@madoguchi/contract/forms';
import { DEMO_FORM_TEMPLATES } from '../../server/src/forms/demo-templates';
import { renderSignedFormPdf } from '../../server/src/forms/form-pdf';
import { startCall } from '../fixtures/call-scenario';
import { SIGNATURE } from '../fixtures/forms';
import { expectOk, request } from '../helpers/socket-client';
import { startTestServer } from '../helpers/start-server';
import { percentile, writeBenchSection } from './bench-docs';

const RUNS = Number(process.env['BENCH_FORM_RUNS'] ?? 40);

/** 児童手当 for a family of three children: the first child's fields twice more, so the form runs onto a second page. */
function twoPageTemplate(): FormTemplateInput {
  const [base] = DEMO_FORM_TEMPLATES;
  if (!base) throw new Error('no demo template');
  const { departmentCode: _unused, ...template } = base;
  const childFields = template.fields.filter((f) => f.key === 'childName' || f.key === 'childBirthDate');
  const extra = [2, 3].flatMap((n) => childFields.map((f) => ({ ...f, key: `${f.key}${n}`, label: { ...f.label, ja: `${f.label.ja}（第${n}子）` } })));
  return FormTemplateInput.parse({ ...template, departmentId: null, fields: [...template.fields, ...extra] });
}

const values = (i: number): FormValues => ({
  applicantName: `山田 太郎${i}`,
  applicantKana: 'ヤマダ タロウ',
  birthDate: '1988-07-14',
  address: '北町三丁目2番1号 コーポ北 201号室（北町信用金庫の向かい、郵便受けは1階奥）',
  phone: '090-1234-5678',
  childName: '山田 花子',
  childBirthDate: '2021-05-05',
  childName2: '山田 次郎',
  childBirthDate2: '2023-01-20',
  childName3: '山田 三郎',
  childBirthDate3: '2025-09-01',
  relationship: 'father',
  childrenCount: '3',
  bankAccount: '北町信用金庫 本店 普通 1234567 ヤマダ タロウ',
  notPublicServant: true,
});

const stats = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) });
const fmt = (n: number) => n.toFixed(0);

async function main(): Promise<void> {
  const template = twoPageTemplate();
  const database = process.env['DATABASE_URL'] ? 'postgres' : 'embedded';
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

  // 1. Generation alone (the first one parses the font: reported apart).
  const generation: number[] = [];
  // CPU time of this process during each generation: what the PDF costs, whatever else the machine runs.
  const generationCpu: number[] = [];
  let firstMs = 0;
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i <= RUNS; i += 1) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const pdf = await renderSignedFormPdf({
      documentId: '00000000-0000-4000-8000-000000000000',
      revision: 1,
      consultationId: '00000000-0000-4000-8000-000000000001',
      template: { templateId: 't', version: 1, title: template.title, note: template.note, fields: template.fields },
      values: values(i),
      strokes: SIGNATURE,
      signedAt: new Date(),
      kioskName: '中央図書館 相談窓口',
      staffName: '佐藤 由美',
    });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (i === 0) {
      firstMs = ms;
      pages = (await PDFDocument.load(pdf)).getPageCount();
      bytes = pdf.length;
    } else {
      generation.push(ms);
      generationCpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  if (pages !== 2) throw new Error(`the bench form should take 2 pages, it took ${pages}`);

  // 2. The whole signature through the server: pushForm, then signForm (PDF + PostgreSQL + audit).
  const server = await startTestServer({ database });
  const call = await startCall(server);
  const signing: number[] = [];
  const stored: number[] = [];
  try {
    const saved = await server.app.repositories.forms.saveTemplate(template, null);
    const templateId = saved?.templateId ?? '';
    for (let i = 0; i < RUNS; i += 1) {
      const doc = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId, values: values(i) }));
      const started = performance.now();
      expectOk(await request(call.kiosk, 'signForm', { consultationId: call.consultationId, documentId: doc.documentId, revision: 1, strokes: SIGNATURE }));
      signing.push(performance.now() - started);
    }
    const rows: { bytes: number }[] = await server.db.dataSource.query(`SELECT octet_length(pdf) AS bytes FROM form_document WHERE state = 'signed'`);
    stored.push(...rows.map((r) => Number(r.bytes)));
  } finally {
    call.close();
    await server.close();
    clearInterval(sampler);
  }

  const g = stats(generation);
  const c = stats(generationCpu);
  const s = stats(signing);
  const size = { min: Math.min(...stored), max: Math.max(...stored) };
  const lines = [
    '## bench:forms',
    '',
    `\`npm run bench:forms\` — ${RUNS} signed PDFs of a 2-page form (児童手当 認定請求書 with three children, ${template.fields.length} fields, IPAexゴシック subset embedded), ${database} PostgreSQL, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| what | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|',
    `| PDF generation (renderSignedFormPdf) | ${fmt(g.p50)} | ${fmt(g.p95)} | ${fmt(g.max)} |`,
    `| PDF generation, CPU time of the process | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(c.max)} |`,
    `| signForm round trip (PDF + PostgreSQL + audit, over Socket.IO) | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} |`,
    '',
    'Wall times include waiting for a core: on a busy machine read the CPU-time row for the cost of one PDF.',
    '',
    `First PDF of the process (parses the 4 MB font once): ${fmt(firstMs)} ms. Stored size: ${pages} pages, ${(bytes / 1024).toFixed(1)} KB; in the database ${(size.min / 1024).toFixed(1)}–${(size.max / 1024).toFixed(1)} KB per document (limit 2 MB).`,
    `Peak RSS of the bench process (server in the same process): ${(peakRss / 1024 / 1024).toFixed(0)} MB. Load average before ${loadBefore}, after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores).`,
  ];
  console.log(lines.join('\n'));
  if (process.env['BENCH_WRITE_DOCS'] !== '0') writeBenchSection('forms', lines);
}

await main();
