import { pick } from './language';

export interface KioskMessages {
  heading: string;
  register: string;
  registerTitle: string;
  editTitle: string;
  caption: string;
  columns: { name: string; location: string; status: string; heartbeat: string; pairing: string; actions: string };
  never: string;
  paired: string;
  notPaired: string;
  revoked: string;
  pairingUntil: (time: string) => string;
  edit: (name: string) => string;
  newCodeShort: string;
  newCode: (name: string) => string;
  revoke: (name: string) => string;
  confirmNewCode: { title: string; message: (name: string) => string; confirm: string };
  confirmRevoke: { title: string; message: (name: string) => string; confirm: string };
  fields: {
    name: string;
    nameRequired: string;
    location: string;
    locationHint: string;
    locationRequired: string;
    address: string;
    addressHint: string;
    cameras: string;
    faceCamera: string;
    documentCamera: string;
    cameraHint: string;
  };
  pairing: {
    title: string;
    intro: (name: string) => string;
    code: string;
    expires: (when: string) => string;
    steps: (url: string) => string[];
    warning: string;
    done: string;
  };
  registered: string;
  saved: string;
  revokedDone: string;
  empty: string;
  autoRefresh: string;
}

const ja: KioskMessages = {
  heading: '端末',
  register: '端末を登録',
  registerTitle: '端末の登録',
  editTitle: '端末の編集',
  caption: '端末の一覧（状態は30秒ごとに更新）',
  columns: { name: '名前', location: '場所', status: '状態', heartbeat: '最終通信', pairing: 'ペアリング', actions: '操作' },
  never: '通信なし',
  paired: 'ペアリング済',
  notPaired: '未ペアリング',
  revoked: '無効化済',
  pairingUntil: (time) => `コード有効（${time}まで）`,
  edit: (name) => `${name} を編集`,
  newCodeShort: '新しいペアリングコード',
  newCode: (name) => `${name} の新しいペアリングコード`,
  revoke: (name) => `${name} を無効化する`,
  confirmNewCode: {
    title: '新しいペアリングコードを発行しますか？',
    message: (name) => `「${name}」の新しいペアリングコードを発行します。前に発行したコードは使えなくなります。端末の入れ替えや再設定のときに使います。`,
    confirm: '発行する',
  },
  confirmRevoke: {
    title: '端末を無効化しますか？',
    message: (name) =>
      `「${name}」は接続できなくなり、相談中なら切断されます。紛失・盗難のときや使わなくなったときに行ってください。再び使うには、新しいペアリングコードで設定し直す必要があります。`,
    confirm: '無効化する',
  },
  fields: {
    name: '名前',
    nameRequired: '名前を入力してください。',
    location: '場所',
    locationHint: '例: 北支所 1階',
    locationRequired: '場所を入力してください。',
    address: '住所',
    addressHint: '受付票に印刷されます。',
    cameras: 'カメラの割り当て',
    faceCamera: '顔を映すカメラの deviceId',
    documentCamera: '書類用カメラの deviceId',
    cameraHint: '空欄にすると端末の既定のカメラを使います。',
  },
  pairing: {
    title: 'ペアリングコード',
    intro: (name) => `「${name}」を設置する端末で、次の手順で設定してください。`,
    code: 'ペアリングコード（8桁）',
    expires: (when) => `有効期限: ${when}`,
    steps: (url) => [`端末のブラウザで ${url} を開きます。`, '表示された欄に、この8桁のコードを入力します。', '「登録しました」と表示されたら完了です。'],
    warning: 'この画面を閉じると、コードは二度と表示されません。期限が切れたら「新しいペアリングコード」で発行し直してください。',
    done: '閉じる',
  },
  registered: '端末を登録しました。',
  saved: '端末の情報を保存しました。',
  revokedDone: '端末を無効化しました。',
  empty: '端末がまだありません。「端末を登録」から登録してください。',
  autoRefresh: '状態は30秒ごとに自動で更新されます。',
};

const en: KioskMessages = {
  heading: 'Kiosks',
  register: 'Register kiosk',
  registerTitle: 'Register a kiosk',
  editTitle: 'Edit kiosk',
  caption: 'Kiosks (status refreshes every 30 s)',
  columns: { name: 'Name', location: 'Location', status: 'Status', heartbeat: 'Last heartbeat', pairing: 'Pairing', actions: 'Actions' },
  never: 'Never',
  paired: 'Paired',
  notPaired: 'Not paired',
  revoked: 'Revoked',
  pairingUntil: (time) => `Code valid until ${time}`,
  edit: (name) => `Edit ${name}`,
  newCodeShort: 'New pairing code',
  newCode: (name) => `New pairing code for ${name}`,
  revoke: (name) => `Revoke ${name}`,
  confirmNewCode: {
    title: 'Issue a new pairing code?',
    message: (name) => `A new pairing code is issued for "${name}"; any earlier code stops working. Use this when replacing or re-installing the kiosk.`,
    confirm: 'Issue code',
  },
  confirmRevoke: {
    title: 'Revoke this kiosk?',
    message: (name) => `"${name}" can no longer connect and an ongoing consultation is cut off. Do this when a kiosk is lost, stolen or retired. To use it again, pair it with a new code.`,
    confirm: 'Revoke',
  },
  fields: {
    name: 'Name',
    nameRequired: 'Enter the name.',
    location: 'Location',
    locationHint: 'e.g. North branch, 1st floor',
    locationRequired: 'Enter the location.',
    address: 'Address',
    addressHint: 'Printed on check-in slips.',
    cameras: 'Camera roles',
    faceCamera: 'Face camera deviceId',
    documentCamera: 'Document camera deviceId',
    cameraHint: "Leave empty to use the kiosk's default camera.",
  },
  pairing: {
    title: 'Pairing code',
    intro: (name) => `Set up the kiosk for "${name}" as follows.`,
    code: 'Pairing code (8 digits)',
    expires: (when) => `Valid until ${when}`,
    steps: (url) => [`On the kiosk, open ${url} in the browser.`, 'Type this 8-digit code into the field shown.', 'It is done when the kiosk says it is registered.'],
    warning: 'Once you close this, the code is never shown again. If it expires, issue a new pairing code.',
    done: 'Close',
  },
  registered: 'Kiosk registered.',
  saved: 'Kiosk saved.',
  revokedDone: 'Kiosk revoked.',
  empty: 'No kiosks yet. Use "Register kiosk".',
  autoRefresh: 'The status refreshes every 30 seconds.',
};

export const kioskMessages: KioskMessages = pick({ ja, en });
