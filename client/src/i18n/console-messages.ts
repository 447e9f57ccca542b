import type { QualityLevel } from '../features/consultations/quality-stats';
import { pick } from './language';

/** The staff console's in-call tools: document view, snapshots, pointing, messages, transfer, quality. */
export interface ConsoleMessages {
  /** The invited third party's video. */
  guestVideo: string;
  document: {
    heading: string;
    waiting: string;
    zoomIn: string;
    zoomOut: string;
    resetView: string;
    rotate: string;
    fullScreen: string;
    exitFullScreen: string;
    zoomLevel: (percent: number) => string;
    paneLabel: string;
  };
  pointer: {
    tools: string;
    move: string;
    pen: string;
    highlight: string;
    color: string;
    colors: { red: string; yellow: string; blue: string };
    clear: string;
    sendFailed: string;
  };
  snapshot: {
    take: string;
    asking: string;
    consented: string;
    refused: string;
    stored: string;
    failed: string;
    /** The kiosk's document camera could not take the photo the resident agreed to. */
    noCamera: string;
    /** No answer or no photo arrived in time. */
    timedOut: string;
    /** The kiosk reported its document camera unusable during the call. */
    cameraDown: string;
    gallery: string;
    empty: string;
    thumbnail: (time: string) => string;
    enlarged: string;
    close: string;
    loadFailed: string;
  };
  chat: {
    heading: string;
    label: string;
    send: string;
    quickPhrases: string;
    /** Under the text box: typed text reaches the kiosk as typed. */
    freeTextHint: string;
    you: string;
    resident: string;
    empty: string;
    failed: string;
  };
  screen: { share: string; stop: string; sharing: string; failed: string };
  hangUpConfirm: { title: string; message: string; confirm: string; cancel: string };
  resident: {
    heading: string;
    walkIn: string;
    booked: (time: string) => string;
    name: string;
    language: string;
    needs: string;
    noNeeds: string;
    topic: string;
    notes: string;
    none: string;
    history: string;
    noHistory: string;
    loadFailed: string;
    retry: string;
  };
  transfer: {
    open: string;
    title: string;
    department: string;
    choose: string;
    submit: string;
    cancel: string;
    done: (department: string, position: number) => string;
    failed: string;
  };
  quality: {
    label: string;
    levels: Record<QualityLevel, string>;
    details: (rtt: string, loss: string, inKbps: string, outKbps: string) => string;
    frozen: string;
  };
  outcome: {
    heading: string;
    code: string;
    choose: string;
    notes: string;
    save: string;
    saving: string;
    skip: string;
    saved: string;
    chooseFirst: string;
  };
  availability: {
    label: string;
    available: string;
    away: string;
    awayNotice: string;
    titleCalling: (count: number) => string;
  };
}

export const consoleJa: ConsoleMessages = {
  guestVideo: '同席者の映像',
  document: {
    heading: '書類カメラ',
    waiting: '書類カメラの映像はまだありません。住民の方に「書類を見せる」を押してもらってください。',
    zoomIn: '拡大',
    zoomOut: '縮小',
    resetView: '元に戻す',
    rotate: '90°回転',
    fullScreen: '全画面',
    exitFullScreen: '全画面を終了',
    zoomLevel: (percent) => `${percent}%`,
    paneLabel: '書類カメラの映像（矢印キーで移動、＋／－で拡大縮小）',
  },
  pointer: {
    tools: '指し示す',
    move: '移動',
    pen: 'ペン',
    highlight: 'マーカー',
    color: '色',
    colors: { red: '赤', yellow: '黄', blue: '青' },
    clear: '書き込みを消す',
    sendFailed: '書き込みを送れませんでした。',
  },
  snapshot: {
    take: '撮影',
    asking: '住民の方に確認しています…',
    consented: '住民の方が同意しました。画像を受け取っています…',
    refused: '住民の方が撮影を断りました。',
    stored: '画像を保存しました。',
    failed: '撮影を依頼できませんでした。',
    noCamera: '住民の端末の書類カメラが使えないため、撮影できませんでした。書類は口頭で確認するか、窓口への来庁をご案内ください。',
    timedOut: '住民の端末から画像が届きませんでした。もう一度「撮影」を押すか、書類を口頭で確認してください。',
    cameraDown: '住民の端末の書類カメラが使えません。書類は口頭で確認するか、窓口への来庁をご案内ください。',
    gallery: '撮影した書類',
    empty: 'まだ撮影していません。',
    thumbnail: (time) => `${time} に撮影した書類`,
    enlarged: '撮影した書類',
    close: '閉じる',
    loadFailed: '画像を読み込めませんでした。',
  },
  chat: {
    heading: 'メッセージ',
    label: '住民の方へのメッセージ',
    send: '送信',
    quickPhrases: '定型文',
    freeTextHint: '定型文は住民の方の言語で表示されます。入力した文は翻訳されず、「翻訳なし」と表示されます。',
    you: 'あなた',
    resident: '住民の方',
    empty: 'メッセージはまだありません。',
    failed: 'メッセージを送れませんでした。',
  },
  screen: { share: '画面を共有', stop: '共有を停止', sharing: '画面を共有しています', failed: '画面を共有できませんでした。' },
  hangUpConfirm: {
    title: '通話を終了しますか？',
    message: '住民の方との通話が終わり、対応結果の記録に進みます。',
    confirm: '終了する',
    cancel: '通話を続ける',
  },
  resident: {
    heading: '住民の方',
    walkIn: '予約なし（名前は伺っていません）',
    booked: (time) => `予約 ${time}`,
    name: 'お名前',
    language: '言語',
    needs: '必要な支援',
    noNeeds: '特になし',
    topic: '相談内容',
    notes: 'メモ',
    none: '—',
    history: 'ほかの予約',
    noHistory: 'この方のほかの予約はありません。',
    loadFailed: '住民の方の情報を読み込めませんでした。',
    retry: '再読み込み',
  },
  transfer: {
    open: '他の部署へ回す',
    title: '他の部署へ回す',
    department: '回す先の部署',
    choose: '選択してください',
    submit: '回す',
    cancel: 'キャンセル',
    done: (department, position) => `住民の方を${department}の待ち列（${position}番目）に回しました。`,
    failed: '他の部署へ回せませんでした。',
  },
  quality: {
    label: '通信品質',
    levels: { good: '良好', fair: 'やや不安定', poor: '不安定', unknown: '測定中' },
    details: (rtt, loss, inKbps, outKbps) => `往復 ${rtt} ・ 損失 ${loss} ・ 受信 ${inKbps} ・ 送信 ${outKbps}`,
    frozen: '住民の方の映像が止まっています。',
  },
  outcome: {
    heading: '対応結果の記録',
    code: '対応結果',
    choose: '選択してください',
    notes: 'メモ',
    save: '記録して待ち列へ戻る',
    saving: '記録しています…',
    skip: '後で記録する',
    saved: '対応結果を記録しました。',
    chooseFirst: '対応結果を選んでください。',
  },
  availability: {
    label: '受付状態',
    available: '対応可能',
    away: '離席中',
    awayNotice: '離席中です。応答するには「対応可能」に切り替えてください。',
    titleCalling: (count) => `(${count}) 呼び出し`,
  },
};

export const consoleEn: ConsoleMessages = {
  guestVideo: "Guest's video",
  document: {
    heading: 'Document camera',
    waiting: 'No document camera yet. Ask the resident to press “Show a document”.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetView: 'Reset',
    rotate: 'Rotate 90°',
    fullScreen: 'Full screen',
    exitFullScreen: 'Exit full screen',
    zoomLevel: (percent) => `${percent}%`,
    paneLabel: 'Document camera (arrow keys move, + and - zoom)',
  },
  pointer: {
    tools: 'Point',
    move: 'Move',
    pen: 'Pen',
    highlight: 'Highlighter',
    color: 'Colour',
    colors: { red: 'Red', yellow: 'Yellow', blue: 'Blue' },
    clear: 'Clear marks',
    sendFailed: 'Could not send the marks.',
  },
  snapshot: {
    take: 'Take photo',
    asking: 'Asking the resident…',
    consented: 'The resident agreed. Receiving the photo…',
    refused: 'The resident declined the photo.',
    stored: 'Photo saved.',
    failed: 'Could not ask for a photo.',
    noCamera: 'The kiosk’s document camera does not work, so no photo could be taken. Check the document by asking, or invite the resident to the counter.',
    timedOut: 'No photo arrived from the kiosk. Press “Take photo” again, or check the document by asking.',
    cameraDown: 'The kiosk’s document camera does not work. Check documents by asking, or invite the resident to the counter.',
    gallery: 'Document photos',
    empty: 'No photos yet.',
    thumbnail: (time) => `Document photo taken at ${time}`,
    enlarged: 'Document photo',
    close: 'Close',
    loadFailed: 'Could not load the photo.',
  },
  chat: {
    heading: 'Messages',
    label: 'Message to the resident',
    send: 'Send',
    quickPhrases: 'Quick phrases',
    freeTextHint: "Quick phrases appear in the resident's language. Typed text is not translated and is marked so on the kiosk.",
    you: 'You',
    resident: 'Resident',
    empty: 'No messages yet.',
    failed: 'Could not send the message.',
  },
  screen: { share: 'Share screen', stop: 'Stop sharing', sharing: 'Sharing your screen', failed: 'Could not share the screen.' },
  hangUpConfirm: {
    title: 'End the call?',
    message: 'The call with the resident ends and you go on to record the outcome.',
    confirm: 'End call now',
    cancel: 'Keep talking',
  },
  resident: {
    heading: 'Resident',
    walkIn: 'Walk-in (no name given)',
    booked: (time) => `Booked ${time}`,
    name: 'Name',
    language: 'Language',
    needs: 'Support needed',
    noNeeds: 'None',
    topic: 'Topic',
    notes: 'Notes',
    none: '—',
    history: 'Other appointments',
    noHistory: 'No other appointments.',
    loadFailed: "Could not load the resident's details.",
    retry: 'Reload',
  },
  transfer: {
    open: 'Transfer to another department',
    title: 'Transfer to another department',
    department: 'Department',
    choose: 'Choose',
    submit: 'Transfer',
    cancel: 'Cancel',
    done: (department, position) => `The resident is now in the queue of ${department} (position ${position}).`,
    failed: 'Could not transfer the call.',
  },
  quality: {
    label: 'Connection',
    levels: { good: 'Good', fair: 'Fair', poor: 'Poor', unknown: 'Measuring' },
    details: (rtt, loss, inKbps, outKbps) => `RTT ${rtt} · loss ${loss} · in ${inKbps} · out ${outKbps}`,
    frozen: "The resident's video has frozen.",
  },
  outcome: {
    heading: 'Record the outcome',
    code: 'Outcome',
    choose: 'Choose',
    notes: 'Notes',
    save: 'Save and return to the queue',
    saving: 'Saving…',
    skip: 'Record later',
    saved: 'Outcome saved.',
    chooseFirst: 'Choose an outcome.',
  },
  availability: {
    label: 'Availability',
    available: 'Available',
    away: 'Away',
    awayNotice: 'You are away. Switch to “Available” to answer.',
    titleCalling: (count) => `(${count}) Calling`,
  },
};

export const consoleMessages: ConsoleMessages = pick({ ja: consoleJa, en: consoleEn });
