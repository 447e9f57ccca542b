import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/booking-rules.json';
import ja from './ja/booking-rules.json';
import { localized } from './language';

/** The words are in `ja/booking-rules.json` and `en/booking-rules.json`. */
/** The settings section's words; the two messages about a wrong line take values. */
export type BookingRulesMessages = Omit<typeof ja, 'badHours' | 'badBlockedDay'> & {
  badHours: (owner: string, weekday: string) => string;
  badBlockedDay: (line: string) => string;
};

export const bookingRulesMessages: BookingRulesMessages = localized<BookingRulesMessages>(sameKeysAsJapanese({ ja, en }), {
  badHours: ['owner', 'weekday'],
  badBlockedDay: ['line'],
});
