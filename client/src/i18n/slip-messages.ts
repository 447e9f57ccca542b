import { pick } from './language';

/** The admin's controls around the slip, in the admin's language. */
export interface SlipControlMessages {
  heading: string;
  paperSize: string;
  print: string;
  back: string;
  noCode: string;
  qrFailed: string;
  previewLabel: string;
}

/** What is printed for the resident. */
export interface SlipContentMessages {
  title: string;
  when: string;
  department: string;
  place: string;
  kiosk: string;
  address: string;
  resident: (name: string) => string;
  code: string;
  qrAlt: (code: string) => string;
  instructions: string;
  arrival: string;
}

const controlsJa: SlipControlMessages = {
  heading: '受付票の印刷',
  paperSize: '用紙サイズ',
  print: '印刷する',
  back: 'カレンダーに戻る',
  noCode: 'この予約には受付番号がありません（取り消し済み・終了済みの予約です）。受付票は印刷できません。',
  qrFailed: 'QRコードを作れませんでした。受付番号だけでも受付できます。',
  previewLabel: '印刷される受付票',
};

const controlsEn: SlipControlMessages = {
  heading: 'Print check-in slip',
  paperSize: 'Paper size',
  print: 'Print',
  back: 'Back to the calendar',
  noCode: 'This appointment has no check-in code (it was cancelled or has ended), so no slip can be printed.',
  qrFailed: 'The QR code could not be made; the printed number alone is enough to check in.',
  previewLabel: 'The slip as it will print',
};

export const slipControls: SlipControlMessages = pick({ ja: controlsJa, en: controlsEn });

/** Residents read the slip at a Japanese kiosk: Japanese always, English added for English speakers. */
export const slipJa: SlipContentMessages = {
  title: 'オンライン相談 受付票',
  when: '日時',
  department: '相談窓口',
  place: '場所',
  kiosk: '端末',
  address: '住所',
  resident: (name) => `${name} 様`,
  code: '受付番号',
  qrAlt: (code) => `受付番号 ${code} のQRコード`,
  instructions: '端末の画面で「予約があります」を押し、この番号を入力するか、QRコードをカメラにかざしてください。',
  arrival: '予約の時刻の5分前までに、端末の前にお越しください。',
};

export const slipEn: Pick<SlipContentMessages, 'instructions' | 'arrival'> = {
  instructions: 'On the kiosk screen, press 「予約があります」 (I have an appointment), then type this number or hold the QR code up to the camera.',
  arrival: 'Please be at the kiosk 5 minutes before your appointment.',
};
