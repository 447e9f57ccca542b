import { pick } from './language';

/** The admin side of the kiosk's installer mode: a one-time code to open it on the kiosk. */
export interface InstallerMessages {
  buttonShort: string;
  button: (kioskName: string) => string;
  title: string;
  intro: (kioskName: string) => string;
  steps: (url: string) => string[];
  code: string;
  expires: (when: string) => string;
  warning: string;
  done: string;
  failed: string;
}

const ja: InstallerMessages = {
  buttonShort: '設置モード',
  button: (name) => `${name} の設置モードのコードを発行`,
  title: '設置モードのコード',
  intro: (name) => `「${name}」の端末で、カメラ・マイク・スピーカーを映像を見ながら設定できます。`,
  steps: (url) => [`端末のブラウザで ${url} を開きます。`, 'この8桁のコードを入力します。', '各カメラの映像を見て「顔カメラにする」「書類カメラにする」を選び、「保存する」を押します。'],
  code: '設置コード（8桁・1回限り）',
  expires: (when) => `有効期限: ${when}`,
  warning: 'この画面を閉じると、コードは二度と表示されません。設置モードはコード入力から30分間有効です。',
  done: '閉じる',
  failed: '設置コードを発行できませんでした。端末が有効か確かめてください。',
};

const en: InstallerMessages = {
  buttonShort: 'Installer mode',
  button: (name) => `Issue an installer code for ${name}`,
  title: 'Installer code',
  intro: (name) => `On the kiosk “${name}”, set the cameras, microphone and speaker while watching their pictures.`,
  steps: (url) => [`Open ${url} in the kiosk’s browser.`, 'Type this 8-digit code.', 'Choose the face and document camera by their pictures, then press Save.'],
  code: 'Installer code (8 digits, single use)',
  expires: (when) => `Valid until ${when}`,
  warning: 'The code is not shown again once you close this. Installer mode stays open for 30 minutes after the code is typed.',
  done: 'Close',
  failed: 'Could not issue an installer code. Check that the kiosk is active.',
};

export const installerMessages: InstallerMessages = pick({ ja, en });
