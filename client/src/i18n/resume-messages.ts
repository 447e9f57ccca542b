import { pick } from './language';

/** The console after a reload: a call still going on, or one that ended while it was away. */
export interface ResumeMessages {
  heading: string;
  live: (kioskName: string) => string;
  back: string;
  resuming: string;
  failed: string;
  endedAway: (kioskName: string) => string;
  outcomeQueued: string;
}

const resumeJa: ResumeMessages = {
  heading: '対応中の通話があります',
  live: (kiosk) => `${kiosk} との通話はまだ続いています。住民の方がお待ちです。`,
  back: '通話に戻る',
  resuming: '通話に戻っています…',
  failed: '通話に戻れませんでした。通話は終了した可能性があります。待ち列を確認してください。',
  endedAway: (kiosk) => `画面を離れている間に ${kiosk} との通話が終了しました。対応結果を記録してください。`,
  outcomeQueued:
    '対応結果を受け付けました。データベースに一時的につながらないため、サーバーが保持し、復旧しだい記録した時刻で保存します。この画面を閉じても失われません。',
};

const resumeEn: ResumeMessages = {
  heading: 'You have a call in progress',
  live: (kiosk) => `Your call with ${kiosk} is still going on. The resident is waiting.`,
  back: 'Back to the call',
  resuming: 'Going back to the call…',
  failed: 'Could not go back to the call; it may have ended. Check the queue.',
  endedAway: (kiosk) => `Your call with ${kiosk} ended while you were away. Please record its outcome.`,
  outcomeQueued:
    'Outcome received. The database is briefly unreachable, so the server holds it and saves it, with the time you recorded it, as soon as it is back. Closing this page does not lose it.',
};

export const resumeMessages: ResumeMessages = pick({ ja: resumeJa, en: resumeEn });
