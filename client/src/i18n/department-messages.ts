import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/department.json';
import ja from './ja/department.json';
import { localized } from './language';

export interface DepartmentMessages {
  heading: string;
  add: string;
  addTitle: string;
  editTitle: string;
  caption: string;
  columns: { name: string; code: string; icon: string; translations: string; status: string; actions: string };
  active: string;
  inactive: string;
  edit: (name: string) => string;
  deactivate: (name: string) => string;
  reactivate: (name: string) => string;
  confirmDeactivate: { title: string; message: (name: string) => string; confirm: string };
  fields: {
    code: string;
    codeHint: string;
    codeInvalid: string;
    /** The server refused the code: another department, active or not, has it. */
    codeTaken: string;
    name: string;
    nameRequired: string;
    icon: string;
    translations: string;
    translationsHint: string;
  };
  saved: string;
  created: string;
  deactivated: string;
  reactivated: string;
  empty: string;
}

/** The words are in `ja/department.json` and `en/department.json`. */
export const departmentMessages: DepartmentMessages = localized<DepartmentMessages>(sameKeysAsJapanese({ ja, en }), {
  edit: ['name'],
  deactivate: ['name'],
  reactivate: ['name'],
  confirmDeactivate: { message: ['name'] },
});
