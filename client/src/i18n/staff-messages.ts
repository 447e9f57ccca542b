import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/staff.json';
import ja from './ja/staff.json';
import { localized } from './language';

export interface StaffMessages {
  heading: string;
  invite: string;
  inviteTitle: string;
  editTitle: string;
  includeInactive: string;
  caption: string;
  columns: { name: string; loginId: string; role: string; departments: string; languages: string; status: string; actions: string };
  active: string;
  inactive: string;
  mustChange: string;
  you: string;
  edit: (name: string) => string;
  resetShort: string;
  resetPassword: (name: string) => string;
  deactivate: (name: string) => string;
  reactivate: (name: string) => string;
  confirmDeactivate: { title: string; message: (name: string) => string; confirm: string };
  confirmReset: { title: string; message: (name: string) => string; confirm: string };
  fields: {
    loginId: string;
    loginIdHint: string;
    loginIdInvalid: string;
    /** The server refused the login ID: another member, active or not, has it. */
    loginIdTaken: string;
    displayName: string;
    displayNameRequired: string;
    role: string;
    departments: string;
    departmentsHint: string;
    languages: string;
  };
  credentials: {
    title: string;
    intro: (name: string, loginId: string) => string;
    password: string;
    warning: string;
    done: string;
  };
  created: string;
  saved: string;
  passwordReset: string;
  deactivated: string;
  reactivated: string;
  empty: string;
}

/** The words are in `ja/staff.json` and `en/staff.json`. */
export const staffMessages: StaffMessages = localized<StaffMessages>(sameKeysAsJapanese({ ja, en }), {
  edit: ['name'],
  resetPassword: ['name'],
  deactivate: ['name'],
  reactivate: ['name'],
  confirmDeactivate: { message: ['name'] },
  confirmReset: { message: ['name'] },
  credentials: { intro: ['name', 'loginId'] },
});
