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

/** The words are in `ja/form.json` and `en/form.json`. */
export const formMessages: FormMessages = localized<FormMessages>(sameKeysAsJapanese({ ja, en }), {
  version: ['version'],
  correctionAsked: ['label'],
  templates: { saved: ['version'] },
});
