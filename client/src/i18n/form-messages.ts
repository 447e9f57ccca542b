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
  withdraw: string;
  withdrawFailed: string;
  withdrawnNotice: string;
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
    remove: string;
    saved: (version: number) => string;
    saveFailed: string;
    printCopy: string;
    printCopyHelp: string;
  };
  editor: {
    heading: (title: string) => string;
    newHeading: string;
    titleJa: string;
    titleTranslations: string;
    translationsHint: string;
    noDepartment: string;
    note: string;
    noteHint: string;
    fieldsHeading: string;
    fieldLegend: (n: number, label: string) => string;
    label: string;
    labelTranslations: string;
    key: string;
    keyHint: string;
    type: string;
    required: string;
    prefill: string;
    prefills: { none: string; residentName: string; residentKana: string; language: string };
    calendar: string;
    calendars: { wareki: string; seireki: string };
    options: string;
    optionValue: (n: number) => string;
    optionLabel: (n: number) => string;
    addOption: string;
    removeOption: (n: number) => string;
    addField: string;
    moveUp: (label: string) => string;
    moveDown: (label: string) => string;
    remove: (label: string) => string;
    moved: (label: string, position: number) => string;
    removed: (label: string) => string;
    untitled: string;
    fixFirst: string;
    problems: {
      title: string;
      label: string;
      tooLong: string;
      key: string;
      duplicateKey: (message: string) => string;
      noFields: string;
      tooManyFields: string;
      options: string;
      optionsDiffer: string;
      optionValue: string;
      optionLabel: string;
      note: string;
    };
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
  withdraw: 'キオスクから取り下げる',
  withdrawFailed: '取り下げられませんでした。住民の方がすでに署名したか、通信が切れています。',
  withdrawnNotice: 'キオスクの画面から消しました。別の書式を選べます。',
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
    remove: '削除',
    saved: (v) => `第${v}版を保存しました。`,
    saveFailed: '保存できませんでした。',
    printCopy: 'キオスクで控えを印刷する',
    printCopyHelp: '署名のあと、住民の方が控えを印刷できます（キオスクにプリンターと印刷の設定が必要です）。',
  },
  editor: {
    heading: (title) => `「${title}」の新しい版`,
    newHeading: '新しい書式',
    titleJa: '書式名（日本語）',
    titleTranslations: '書式名（ほかの言語）',
    translationsHint: '空欄の言語では日本語が表示されます。',
    noDepartment: 'すべての課',
    note: '注記',
    noteHint: 'PDFの書式名の下に印刷されます（根拠法令など）。400文字まで。',
    fieldsHeading: '項目（キオスクではこの順に表示されます）',
    fieldLegend: (n, label) => `項目${n}：${label}`,
    label: '項目名（日本語）',
    labelTranslations: '項目名（ほかの言語）',
    key: 'キー',
    keyHint: '半角英字で始まる英数字。保存した書類の値はこの名前で残ります。',
    type: '種類',
    required: '必須にする',
    prefill: '予約から入れる',
    prefills: { none: '入れない', residentName: '氏名', residentKana: 'フリガナ', language: '言語' },
    calendar: '日付の表し方',
    calendars: { wareki: '和暦（西暦を併記）', seireki: '西暦' },
    options: '選択肢',
    optionValue: (n) => `選択肢${n}の値`,
    optionLabel: (n) => `選択肢${n}の表示名`,
    addOption: '選択肢を追加',
    removeOption: (n) => `選択肢${n}を削除`,
    addField: '項目を追加',
    moveUp: (label) => `「${label}」を上へ`,
    moveDown: (label) => `「${label}」を下へ`,
    remove: (label) => `「${label}」を削除`,
    moved: (label, position) => `「${label}」を${position}番目に移しました。`,
    removed: (label) => `「${label}」を削除しました。`,
    untitled: '（名前なし）',
    fixFirst: '直す所があります。赤い印の項目を確かめてください。',
    problems: {
      title: '書式名（日本語）を入れてください。',
      label: '項目名（日本語）を入れてください。',
      tooLong: '長すぎます。短くしてください。',
      key: 'キーは半角英字で始まる40文字までの英数字にしてください。',
      duplicateKey: (message) => `同じキーの項目が2つあります（${message.replace(/^two fields use the key /, '')}）。キーを変えてください。`,
      noFields: '項目を1つ以上入れてください。',
      tooManyFields: '項目は40までです。',
      options: '選択肢は2つ以上、20までにしてください。',
      optionsDiffer: '選択肢の値が重なっています。別々の値にしてください。',
      optionValue: '選択肢の値を入れてください。',
      optionLabel: '選択肢の表示名を入れてください。',
      note: '注記は400文字までです。',
    },
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
  withdraw: 'Withdraw from the kiosk',
  withdrawFailed: 'Could not withdraw it: the resident may have signed already, or the connection dropped.',
  withdrawnNotice: 'Removed from the kiosk screen. You can choose another form.',
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
    remove: 'Remove',
    saved: (v) => `Version ${v} saved.`,
    saveFailed: 'Could not save.',
    printCopy: 'Print a copy at the kiosk',
    printCopyHelp: 'After signing, the resident may print a copy (the kiosk needs a printer and kiosk printing).',
  },
  editor: {
    heading: (title) => `New version of “${title}”`,
    newHeading: 'New form',
    titleJa: 'Title (Japanese)',
    titleTranslations: 'Title in other languages',
    translationsHint: 'Where left empty, the Japanese is shown.',
    noDepartment: 'All departments',
    note: 'Note',
    noteHint: 'Printed under the title on the PDF (e.g. the legal basis). Up to 400 characters.',
    fieldsHeading: 'Fields (the kiosk shows them in this order)',
    fieldLegend: (n, label) => `Field ${n}: ${label}`,
    label: 'Label (Japanese)',
    labelTranslations: 'Label in other languages',
    key: 'Key',
    keyHint: 'ASCII letters and digits, starting with a letter. Stored documents keep their values under this name.',
    type: 'Type',
    required: 'Required',
    prefill: 'Fill in from the booking',
    prefills: { none: 'No', residentName: 'Name', residentKana: 'Kana', language: 'Language' },
    calendar: 'Date style',
    calendars: { wareki: 'Japanese era (with Western year)', seireki: 'Western year' },
    options: 'Options',
    optionValue: (n) => `Option ${n} value`,
    optionLabel: (n) => `Option ${n} label`,
    addOption: 'Add an option',
    removeOption: (n) => `Remove option ${n}`,
    addField: 'Add a field',
    moveUp: (label) => `Move “${label}” up`,
    moveDown: (label) => `Move “${label}” down`,
    remove: (label) => `Remove “${label}”`,
    moved: (label, position) => `“${label}” is now field ${position}.`,
    removed: (label) => `“${label}” removed.`,
    untitled: '(no label)',
    fixFirst: 'Some things need fixing: see the fields marked in red.',
    problems: {
      title: 'Enter the title in Japanese.',
      label: 'Enter the label in Japanese.',
      tooLong: 'Too long: shorten it.',
      key: 'A key is up to 40 ASCII letters and digits, starting with a lower-case letter.',
      duplicateKey: (message) => `Two fields share a key (${message.replace(/^two fields use the key /, '')}). Change one.`,
      noFields: 'Add at least one field.',
      tooManyFields: 'At most 40 fields.',
      options: 'Give between 2 and 20 options.',
      optionsDiffer: 'Two options share a value: make them differ.',
      optionValue: 'Enter the option value.',
      optionLabel: 'Enter the option label.',
      note: 'The note is at most 400 characters.',
    },
  },
};

export const formMessages: FormMessages = pick({ ja, en });
