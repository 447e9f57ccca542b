import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/resume.json';
import ja from './ja/resume.json';
import { localized } from './language';

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

/** The words are in `ja/resume.json` and `en/resume.json`. */
export const resumeMessages: ResumeMessages = localized<ResumeMessages>(sameKeysAsJapanese({ ja, en }), {
  live: ['kiosk'],
  endedAway: ['kiosk'],
});
