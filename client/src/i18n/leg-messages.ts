import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/leg.json';
import ja from './ja/leg.json';
import { localized } from './language';

/** The words for a consultation handed between departments: its legs, and the first desk's outcome. */
export interface LegMessages {
  heading: (count: number) => string;
  generalCounter: string;
  legTitle: (leg: number, department: string) => string;
  thisRecord: string;
  openLeg: (leg: number) => string;
  staff: (name: string) => string;
  notAnswered: string;
  answered: (time: string) => string;
  handedOver: (time: string, department: string) => string;
  ended: (time: string, reason: string) => string;
  waiting: string;
  outcome: (outcome: string) => string;
  noOutcome: string;
  /** Above the after-call form of a leg handed to another department. */
  afterTransfer: string;
  /** In the records list, under the departments of a handed-over consultation (one row). */
  listLegs: (count: number) => string;
  /** In the records list, one leg's outcome: its place, department and outcome. */
  listOutcome: (leg: number, department: string, outcome: string) => string;
  /** In the records list, a leg with no outcome recorded yet. */
  listOutcomeNone: string;
}

/** The words are in `ja/leg.json` and `en/leg.json`. */
export const legMessages: LegMessages = localized<LegMessages>(sameKeysAsJapanese({ ja, en }), {
  heading: ['count'],
  legTitle: ['leg', 'department'],
  openLeg: ['leg'],
  staff: ['name'],
  answered: ['time'],
  handedOver: ['time', 'department'],
  ended: ['time', 'reason'],
  outcome: ['outcome'],
  listLegs: ['count'],
  listOutcome: ['leg', 'department', 'outcome'],
});
