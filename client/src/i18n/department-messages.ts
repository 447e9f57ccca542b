import { pick } from './language';

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

const ja: DepartmentMessages = {
  heading: '部署',
  add: '部署を追加',
  addTitle: '部署の追加',
  editTitle: '部署の編集',
  caption: '部署の一覧',
  columns: { name: '名前', code: 'コード', icon: 'アイコン', translations: '翻訳', status: '状態', actions: '操作' },
  active: '有効',
  inactive: '無効',
  edit: (name) => `${name} を編集`,
  deactivate: (name) => `${name} を無効にする`,
  reactivate: (name) => `${name} を有効にする`,
  confirmDeactivate: {
    title: '部署を無効にしますか？',
    message: (name) => `「${name}」を無効にすると、端末の相談先の一覧に表示されなくなり、新しい予約も入れられなくなります。これまでの記録は残ります。あとで有効に戻せます。`,
    confirm: '無効にする',
  },
  fields: {
    code: 'コード',
    codeHint: '半角英小文字・数字・ハイフンで2〜32文字。例: kosodate',
    codeInvalid: 'コードは半角英小文字・数字・ハイフンで2〜32文字にしてください。',
    name: '名前（日本語）',
    nameRequired: '名前を入力してください。',
    icon: '端末に表示するアイコン',
    translations: 'ほかの言語での名前',
    translationsHint: '空欄の言語では日本語の名前が表示されます。',
  },
  saved: '部署を保存しました。',
  created: '部署を追加しました。',
  deactivated: '部署を無効にしました。',
  reactivated: '部署を有効にしました。',
  empty: '部署がまだありません。「部署を追加」から登録してください。',
};

const en: DepartmentMessages = {
  heading: 'Departments',
  add: 'Add department',
  addTitle: 'Add a department',
  editTitle: 'Edit department',
  caption: 'Departments',
  columns: { name: 'Name', code: 'Code', icon: 'Icon', translations: 'Translations', status: 'Status', actions: 'Actions' },
  active: 'Active',
  inactive: 'Inactive',
  edit: (name) => `Edit ${name}`,
  deactivate: (name) => `Deactivate ${name}`,
  reactivate: (name) => `Reactivate ${name}`,
  confirmDeactivate: {
    title: 'Deactivate this department?',
    message: (name) => `"${name}" will no longer be offered on the kiosks and cannot be booked. Past records stay. You can reactivate it later.`,
    confirm: 'Deactivate',
  },
  fields: {
    code: 'Code',
    codeHint: '2–32 lower-case letters, digits or hyphens, e.g. kosodate',
    codeInvalid: 'Use 2–32 lower-case letters, digits or hyphens.',
    name: 'Name (Japanese)',
    nameRequired: 'Enter the name.',
    icon: 'Icon on the kiosk',
    translations: 'Name in other languages',
    translationsHint: 'Where left empty, the Japanese name is shown.',
  },
  saved: 'Department saved.',
  created: 'Department added.',
  deactivated: 'Department deactivated.',
  reactivated: 'Department reactivated.',
  empty: 'No departments yet. Use "Add department".',
};

export const departmentMessages: DepartmentMessages = pick({ ja, en });
