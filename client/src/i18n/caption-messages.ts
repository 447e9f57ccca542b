import type { RecogniserState } from '@madoguchi/contract/captions';
import { pick } from './language';

export interface CaptionMessages {
  heading: string;
  empty: string;
  sourceNone: string;
  sources: (names: string[]) => string;
  captioner: string;
  recogniserName: (engine: string) => string;
  recogniser: Record<RecogniserState, string>;
  correct: string;
  correctLine: (text: string) => string;
  correctLabel: string;
  corrected: string;
  save: string;
  cancel: string;
  failed: string;
  captionerHeading: string;
  captionerLead: string;
  captionerLabel: string;
  sentHeading: string;
  transcript: {
    heading: string;
    lead: string;
    read: string;
    loading: string;
    notKept: string;
    consentedAt: (at: string) => string;
    failed: string;
  };
}

const ja: CaptionMessages = {
  heading: '字幕（住民の画面に表示中）',
  empty: 'まだ字幕はありません。',
  sourceNone: '字幕の入力元: なし',
  sources: (names) => `字幕の入力元: ${names.join('・')}`,
  captioner: '要約筆記',
  recogniserName: (engine) => `音声認識${engine ? `（${engine}）` : ''}`,
  recogniser: {
    off: '音声認識は設定されていません',
    unavailable: '音声認識は使えません（サーバーの設定を確認してください）',
    waiting: '音声認識: マイクを待っています',
    running: '音声認識: 動作中',
    restarting: '音声認識: 再起動しています',
  },
  correct: '訂正',
  correctLine: (text) => `「${text}」を訂正`,
  correctLabel: '正しい字幕',
  corrected: '訂正済み',
  save: '保存',
  cancel: 'やめる',
  failed: '送れませんでした。通話中か確認してください。',
  captionerHeading: '字幕入力（要約筆記）',
  captionerLead: '入力した文字は、そのまま住民の画面に大きく表示されます。Enter で行を確定します。',
  captionerLabel: '字幕を入力',
  sentHeading: '表示中の字幕',
  transcript: {
    heading: '字幕の記録',
    lead: '住民の方の同意を得て残した字幕の文字です。読むと監査ログに記録されます。',
    read: '字幕の記録を読む',
    loading: '読み込んでいます…',
    notKept: 'この相談の字幕の文字は残っていません（記録しない設定か、住民の方が同意しなかったか、字幕がありませんでした）。',
    consentedAt: (at) => `同意: ${at}`,
    failed: '読み込めませんでした。もう一度押してください。',
  },
};

const en: CaptionMessages = {
  heading: 'Captions (shown on the resident’s screen)',
  empty: 'No captions yet.',
  sourceNone: 'Caption source: none',
  sources: (names) => `Caption source: ${names.join(', ')}`,
  captioner: 'captioner',
  recogniserName: (engine) => `speech recognition${engine ? ` (${engine})` : ''}`,
  recogniser: {
    off: 'no speech recogniser configured',
    unavailable: 'speech recogniser unavailable (check the server set-up)',
    waiting: 'speech recogniser waiting for the microphone',
    running: 'speech recogniser running',
    restarting: 'speech recogniser restarting',
  },
  correct: 'Correct',
  correctLine: (text) => `Correct “${text}”`,
  correctLabel: 'Corrected caption',
  corrected: 'corrected',
  save: 'Save',
  cancel: 'Cancel',
  failed: 'Could not send. Check that the call is running.',
  captionerHeading: 'Caption input (captioner)',
  captionerLead: 'What you type appears large on the resident’s screen as you type. Press Enter to complete a line.',
  captionerLabel: 'Type captions',
  sentHeading: 'Captions on screen',
  transcript: {
    heading: 'Caption transcript',
    lead: 'The caption text kept with the resident’s consent. Reading it is recorded in the audit log.',
    read: 'Read the caption transcript',
    loading: 'Loading…',
    notKept: 'No caption text was kept for this consultation (the town does not keep it, the resident did not agree, or there were no captions).',
    consentedAt: (at) => `Consent: ${at}`,
    failed: 'Could not load it. Press again.',
  },
};

export const captionMessages = pick({ ja, en });
