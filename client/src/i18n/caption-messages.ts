import type { RecogniserState } from '@madoguchi/contract/captions';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/caption.json';
import ja from './ja/caption.json';
import { localized } from './language';

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

/** The words are in `ja/caption.json` and `en/caption.json`. */
export const captionMessages: CaptionMessages = localized<CaptionMessages>(sameKeysAsJapanese({ ja, en }), {
  sources: (text: { text: string; separator: string }, names) => fill(text.text, { names: names.join(text.separator) }),
  // The engine's name in brackets, when the server gave one.
  recogniserName: (text: { text: string; engine: string }, engine) => fill(text.text, { engine: engine ? fill(text.engine, { engine }) : '' }),
  correctLine: ['text'],
  transcript: { consentedAt: ['at'] },
});
