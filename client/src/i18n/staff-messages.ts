import { pick } from './language';

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

const ja: StaffMessages = {
  heading: '職員',
  invite: '職員を招待',
  inviteTitle: '職員の招待',
  editTitle: '職員の編集',
  includeInactive: '無効にした職員も表示',
  caption: '職員の一覧',
  columns: { name: '氏名', loginId: 'ログインID', role: '権限', departments: '部署', languages: '対応言語', status: '状態', actions: '操作' },
  active: '有効',
  inactive: '無効',
  mustChange: '初回パスワード変更待ち',
  you: '（あなた）',
  edit: (name) => `${name} さんを編集`,
  resetShort: 'パスワード再発行',
  resetPassword: (name) => `${name} さんのパスワード再発行`,
  deactivate: (name) => `${name} さんを無効にする`,
  reactivate: (name) => `${name} さんを有効にする`,
  confirmDeactivate: {
    title: '職員を無効にしますか？',
    message: (name) => `${name} さんはログインできなくなります。担当している予約がある場合は、先に担当を変えてください。あとで有効に戻せます。`,
    confirm: '無効にする',
  },
  confirmReset: {
    title: 'パスワードを再発行しますか？',
    message: (name) => `${name} さんの今のパスワードは使えなくなり、新しい仮パスワードが発行されます。`,
    confirm: '再発行する',
  },
  fields: {
    loginId: 'ログインID',
    loginIdHint: '半角英数字と . _ - で3〜64文字。あとから変更できません。',
    loginIdInvalid: 'ログインIDは半角英数字と . _ - で3〜64文字にしてください。',
    displayName: '氏名（画面に表示される名前）',
    displayNameRequired: '氏名を入力してください。',
    role: '権限',
    departments: '所属する部署',
    departmentsHint: '予約の担当者を選ぶときに使われます。',
    languages: '対応できる言語',
  },
  credentials: {
    title: '仮パスワード',
    intro: (name, loginId) => `${name} さん（ログインID: ${loginId}）の仮パスワードです。`,
    password: '仮パスワード',
    warning: 'この画面を閉じると、仮パスワードは二度と表示されません。本人に安全な方法で伝えてください。最初のログインで新しいパスワードの設定が求められます。',
    done: '伝えたので閉じる',
  },
  created: '職員を招待しました。',
  saved: '職員の情報を保存しました。',
  passwordReset: 'パスワードを再発行しました。',
  deactivated: '職員を無効にしました。',
  reactivated: '職員を有効にしました。',
  empty: '職員がいません。',
};

const en: StaffMessages = {
  heading: 'Staff',
  invite: 'Invite member',
  inviteTitle: 'Invite a member',
  editTitle: 'Edit member',
  includeInactive: 'Show deactivated members',
  caption: 'Staff members',
  columns: { name: 'Name', loginId: 'Login ID', role: 'Role', departments: 'Departments', languages: 'Languages', status: 'Status', actions: 'Actions' },
  active: 'Active',
  inactive: 'Deactivated',
  mustChange: 'Must set a password',
  you: ' (you)',
  edit: (name) => `Edit ${name}`,
  resetShort: 'Reset password',
  resetPassword: (name) => `Reset password of ${name}`,
  deactivate: (name) => `Deactivate ${name}`,
  reactivate: (name) => `Reactivate ${name}`,
  confirmDeactivate: {
    title: 'Deactivate this member?',
    message: (name) => `${name} will no longer be able to sign in. If they have appointments, reassign them first. You can reactivate later.`,
    confirm: 'Deactivate',
  },
  confirmReset: {
    title: 'Reset the password?',
    message: (name) => `The current password of ${name} stops working and a new temporary password is issued.`,
    confirm: 'Reset',
  },
  fields: {
    loginId: 'Login ID',
    loginIdHint: '3–64 letters, digits, . _ or -. Cannot be changed later.',
    loginIdInvalid: 'Use 3–64 letters, digits, . _ or -.',
    displayName: 'Display name',
    displayNameRequired: 'Enter the name.',
    role: 'Role',
    departments: 'Departments',
    departmentsHint: 'Used when choosing staff for appointments.',
    languages: 'Languages spoken',
  },
  credentials: {
    title: 'Temporary password',
    intro: (name, loginId) => `Temporary password for ${name} (login ID: ${loginId}).`,
    password: 'Temporary password',
    warning: 'Once you close this, the password is never shown again. Give it to the member safely; they must set their own password at first sign-in.',
    done: 'I have passed it on — close',
  },
  created: 'Member invited.',
  saved: 'Member saved.',
  passwordReset: 'Password reset.',
  deactivated: 'Member deactivated.',
  reactivated: 'Member reactivated.',
  empty: 'No members.',
};

export const staffMessages: StaffMessages = pick({ ja, en });
