import type { FormDocumentState, FormFieldType } from '@madoguchi/contract/forms';
import { pick } from './language';

/** 書かない窓口 in the staff app: the form in a call, the record's documents, the templates in 設定. */
export interface FormMessages {
  heading: string;
  chooseTemplate: string;
  noTemplates: string;
  version: (n: number) => string;
  required: string;
  prefilledNote: string;
  push: string;
  resend: string;
  pushing: string;
  pushFailed: string;
  fixFirst: string;
  problems: { required: string; invalid: string; unknown: string };
  states: Record<FormDocumentState, string>;
  correctionAsked: (label: string) => string;
  signedNotice: string;
  open: string;
  openFailed: string;
  newForm: string;
  choiceNone: string;
  recordHeading: string;
  recordEmpty: string;
  sha256: string;
  signedAt: string;
  types: Record<FormFieldType, string>;
  templates: {
    heading: string;
    intro: string;
    title: string;
    department: string;
    fields: string;
    versions: string;
    edit: string;
    create: string;
    save: string;
    cancel: string;
    archive: string;
    restore: string;
    archived: string;
    definition: string;
    definitionHelp: string;
    invalidJson: string;
    saved: (version: number) => string;
    saveFailed: string;
    printCopy: string;
    printCopyHelp: string;
  };
}

const ja: FormMessages = {
  heading: '申請書',
  chooseTemplate: '書式を選ぶ',
  noTemplates: '使える書式がありません（設定 → 申請書式）',
  version: (n) => `第${n}版`,
  required: '必須',
  prefilledNote: '予約の内容を入れてあります。住民の方に確かめてください。',
  push: '住民の方に確認してもらう',
  resend: '直してもう一度確認してもらう',
  pushing: '送っています…',
  pushFailed: 'キオスクに送れませんでした。',
  fixFirst: '入力に足りない所があります。',
  problems: { required: '入力してください', invalid: '形が正しくありません', unknown: 'この書式にない項目です' },
  states: { shown: '住民の方が確認中', correction_asked: '「ここが違います」', signed: '署名済み', refused: '申請されませんでした', withdrawn: '取り下げ' },
  correctionAsked: (label) => `住民の方が「${label}」が違うと言っています。直して送り直してください。`,
  signedNotice: '署名済み：PDFを保存しました。',
  open: 'PDFを開く',
  openFailed: 'PDFを開けませんでした。',
  newForm: '別の書式を使う',
  choiceNone: '選んでください',
  recordHeading: '申請書',
  recordEmpty: 'この相談で作った申請書はありません。',
  sha256: 'SHA-256',
  signedAt: '署名日時',
  types: { text: '文字', kana: 'フリガナ', date: '日付', choice: '選択', checkbox: 'チェック', address: '住所', phone: '電話番号', number: '数' },
  templates: {
    heading: '申請書式',
    intro: '書かない窓口で職員が入力し、住民の方がキオスクで確認・署名する書式です。保存するたびに新しい版になり、署名済みの書類は作った時の版を指したままです。',
    title: '書式名',
    department: '課',
    fields: '項目',
    versions: '版',
    edit: '新しい版を作る',
    create: '書式を追加',
    save: '保存',
    cancel: 'やめる',
    archive: '使わない',
    restore: '使う',
    archived: '使っていません',
    definition: '書式の定義（JSON）',
    definitionHelp: 'title（ja と各言語）、departmentId、note、fields（key・type・label・required・prefill・options・calendar）。type は text kana date choice checkbox address phone number。',
    invalidJson: 'JSON として読めません。',
    saved: (v) => `第${v}版を保存しました。`,
    saveFailed: '保存できませんでした。',
    printCopy: 'キオスクで控えを印刷する',
    printCopyHelp: '署名のあと、住民の方が控えを印刷できます（キオスクにプリンターと印刷の設定が必要です）。',
  },
};

const en: FormMessages = {
  heading: 'Application form',
  chooseTemplate: 'Choose a form',
  noTemplates: 'No forms available (Settings → Forms)',
  version: (n) => `v${n}`,
  required: 'required',
  prefilledNote: 'Filled in from the booking. Check it with the resident.',
  push: 'Ask the resident to check it',
  resend: 'Send the corrected form again',
  pushing: 'Sending…',
  pushFailed: 'Could not send it to the kiosk.',
  fixFirst: 'Some fields are missing or invalid.',
  problems: { required: 'Required', invalid: 'Not valid', unknown: 'Not on this form' },
  states: { shown: 'The resident is checking', correction_asked: '“This is wrong”', signed: 'Signed', refused: 'Not applied', withdrawn: 'Withdrawn' },
  correctionAsked: (label) => `The resident says “${label}” is wrong. Correct it and send again.`,
  signedNotice: 'Signed: the PDF is stored.',
  open: 'Open PDF',
  openFailed: 'Could not open the PDF.',
  newForm: 'Use another form',
  choiceNone: 'Choose',
  recordHeading: 'Application forms',
  recordEmpty: 'No forms were made in this consultation.',
  sha256: 'SHA-256',
  signedAt: 'Signed',
  types: { text: 'Text', kana: 'Kana', date: 'Date', choice: 'Choice', checkbox: 'Checkbox', address: 'Address', phone: 'Phone', number: 'Number' },
  templates: {
    heading: 'Forms',
    intro: 'Forms that staff fill in and residents check and sign at the kiosk. Every save makes a new version; signed documents keep the version they were made from.',
    title: 'Title',
    department: 'Department',
    fields: 'Fields',
    versions: 'Version',
    edit: 'New version',
    create: 'Add a form',
    save: 'Save',
    cancel: 'Cancel',
    archive: 'Stop using',
    restore: 'Use again',
    archived: 'Not in use',
    definition: 'Form definition (JSON)',
    definitionHelp: 'title (ja and other languages), departmentId, note, fields (key, type, label, required, prefill, options, calendar). Types: text kana date choice checkbox address phone number.',
    invalidJson: 'This is not valid JSON.',
    saved: (v) => `Version ${v} saved.`,
    saveFailed: 'Could not save.',
    printCopy: 'Print a copy at the kiosk',
    printCopyHelp: 'After signing, the resident may print a copy (the kiosk needs a printer and kiosk printing).',
  },
};

export const formMessages: FormMessages = pick({ ja, en });
