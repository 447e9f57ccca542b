import type { FormDocumentState, FormFieldType } from '@madoguchi/contract/forms';
import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/form.json';
import ja from './ja/form.json';
import { localized } from './language';

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
      duplicateKey: (key: string) => string;
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

/** The words are in `ja/form.json` and `en/form.json`. */
export const formMessages: FormMessages = localized<FormMessages>(sameKeysAsJapanese({ ja, en }), {
  version: ['version'],
  correctionAsked: ['label'],
  templates: { saved: ['version'] },
  editor: {
    heading: ['title'],
    fieldLegend: ['n', 'label'],
    optionValue: ['n'],
    optionLabel: ['n'],
    removeOption: ['n'],
    moveUp: ['label'],
    moveDown: ['label'],
    remove: ['label'],
    moved: ['label', 'position'],
    removed: ['label'],
    problems: { duplicateKey: ['key'] },
  },
});
