import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
import { DISPLAY_TIME_ZONE } from '@madoguchi/contract/languages';
import { displayFormValue, SIGNATURE_BOX, type FormTemplate, type FormValues, type SignatureStrokes } from '@madoguchi/contract/forms';

/**
 * The Japanese font embedded in every signed PDF: IPAexゴシック from Debian's fonts-ipaexfont-gothic
 * (IPA Font License v1.0), installed by the set-up. FORM_PDF_FONT names another TrueType/OpenType file.
 */
const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf',
  '/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf',
];

let fontBytes: Uint8Array | null = null;

/**
 * fontkit parses the 4 MB font on every embedFont; parsing it once and handing pdf-lib the same
 * parsed font (pdf-lib only reads it and makes a fresh subset per document) saves most of the time.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    const cached = postscriptName === undefined ? parsedFonts.get(buffer) : undefined;
    if (cached) return cached;
    const font = fontkit.create(buffer, postscriptName);
    if (postscriptName === undefined) parsedFonts.set(buffer, font);
    return font;
  },
};

export function formFontPath(): string | null {
  const configured = process.env['FORM_PDF_FONT'];
  if (configured) return existsSync(configured) ? configured : null;
  return FONT_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

function loadFont(): Uint8Array {
  if (fontBytes) return fontBytes;
  const file = formFontPath();
  if (!file) throw new Error('no Japanese font for the signed PDF: install fonts-ipaexfont-gothic (Debian) or set FORM_PDF_FONT');
  fontBytes = readFileSync(file);
  return fontBytes;
}

export interface SignedFormContent {
  documentId: string;
  revision: number;
  consultationId: string;
  template: Pick<FormTemplate, 'templateId' | 'version' | 'title' | 'note' | 'fields'>;
  values: FormValues;
  strokes: SignatureStrokes;
  signedAt: Date;
  kioskName: string;
  staffName: string;
}

/** A fingerprint of what the resident saw and signed, printed in the PDF (the PDF's own SHA-256 is kept beside it). */
export function contentDigest(content: SignedFormContent): string {
  const canonical = JSON.stringify({
    templateId: content.template.templateId,
    revision: content.revision,
    values: content.template.fields.map((field) => [field.key, content.values[field.key] ?? null]),
    strokes: content.strokes,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const LABEL_WIDTH = 170;
const BODY_SIZE = 11;
const LINE = 16;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.6, 0.6, 0.6);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    // Japanese breaks anywhere; good enough for Latin text in a form too. Widths are summed per
    // character (fontkit lays out a whole string per call, so measuring the growing line is quadratic).
    for (const char of paragraph) {
      const charWidth = font.widthOfTextAtSize(char, size);
      if (line && lineWidth + charWidth > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += char;
      lineWidth += charWidth;
    }
    lines.push(line);
  }
  return lines;
}

const jst = (date: Date): string =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
const wareki = (date: Date): string =>
  new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: DISPLAY_TIME_ZONE, era: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(date);

/** The signed application as a PDF: the form, the signature, when, where, who, and the content digest. */
export async function renderSignedFormPdf(content: SignedFormContent): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  const font = await pdf.embedFont(loadFont(), { subset: true });
  pdf.setTitle(content.template.title.ja);
  pdf.setCreator('Madoguchi');
  pdf.setProducer('Madoguchi');
  pdf.setCreationDate(content.signedAt);
  pdf.setModificationDate(content.signedAt);

  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const text = (value: string, x: number, size = BODY_SIZE) => page.drawText(value, { x, y, size, font, color: INK });
  const newPageIfBelow = (needed: number) => {
    if (y - needed >= MARGIN + 24) return;
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };

  y -= 18;
  text(content.template.title.ja, MARGIN, 18);
  y -= 22;
  for (const line of content.template.note ? wrap(content.template.note, font, 9, A4.width - 2 * MARGIN) : []) {
    text(line, MARGIN, 9);
    y -= 13;
  }
  y -= 8;

  const valueWidth = A4.width - 2 * MARGIN - LABEL_WIDTH - 12;
  for (const field of content.template.fields) {
    const labelLines = wrap(field.label.ja + (field.required ? ' ＊' : ''), font, 10, LABEL_WIDTH - 8);
    const valueLines = wrap(displayFormValue(field, content.values[field.key]) || '—', font, BODY_SIZE, valueWidth);
    const height = Math.max(labelLines.length, valueLines.length) * LINE + 8;
    newPageIfBelow(height);
    page.drawLine({ start: { x: MARGIN, y: y + 4 }, end: { x: A4.width - MARGIN, y: y + 4 }, thickness: 0.5, color: RULE });
    let rowY = y - 12;
    for (const line of labelLines) {
      page.drawText(line, { x: MARGIN + 4, y: rowY, size: 10, font, color: rgb(0.3, 0.3, 0.3) });
      rowY -= LINE;
    }
    rowY = y - 12;
    for (const line of valueLines) {
      page.drawText(line, { x: MARGIN + LABEL_WIDTH + 12, y: rowY, size: BODY_SIZE, font, color: INK });
      rowY -= LINE;
    }
    y -= height;
  }
  page.drawLine({ start: { x: MARGIN, y: y + 4 }, end: { x: A4.width - MARGIN, y: y + 4 }, thickness: 0.5, color: RULE });

  // The signature, drawn as the strokes the resident made (vector, scaled into a box).
  const boxWidth = 300;
  const scale = boxWidth / SIGNATURE_BOX.width;
  const boxHeight = SIGNATURE_BOX.height * scale;
  newPageIfBelow(boxHeight + 150);
  y -= 24;
  text('申請者署名', MARGIN);
  y -= 8;
  const boxTop = y;
  page.drawRectangle({ x: MARGIN, y: boxTop - boxHeight, width: boxWidth, height: boxHeight, borderColor: RULE, borderWidth: 0.75 });
  for (const stroke of content.strokes) {
    const points = stroke.map(([px, py]) => ({ x: MARGIN + px * scale, y: boxTop - py * scale }));
    if (points.length === 1 && points[0]) page.drawCircle({ x: points[0].x, y: points[0].y, size: 1, color: INK });
    for (let i = 1; i < points.length; i += 1) {
      const from = points[i - 1];
      const to = points[i];
      if (from && to) page.drawLine({ start: from, end: to, thickness: 1.4, color: INK });
    }
  }
  y = boxTop - boxHeight - 22;
  const facts = [
    `署名日時: ${wareki(content.signedAt)} ${jst(content.signedAt)}（日本時間）`,
    `端末: ${content.kioskName}`,
    `担当職員: ${content.staffName}`,
    `書式: ${content.template.title.ja}（第${content.template.version}版） 文書ID: ${content.documentId} 第${content.revision}稿`,
    `相談ID: ${content.consultationId}`,
    `内容のSHA-256: ${contentDigest(content)}`,
  ];
  for (const fact of facts) {
    for (const line of wrap(fact, font, 9, A4.width - 2 * MARGIN)) {
      text(line, MARGIN, 9);
      y -= 13;
    }
  }
  const pages = pdf.getPages();
  pages.forEach((p, index) => p.drawText(`${index + 1} / ${pages.length}`, { x: A4.width - MARGIN - 30, y: MARGIN - 20, size: 8, font, color: RULE }));
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}
