import { pick } from './language';

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
  /** In the records list, beside the department of a later leg. */
  listLeg: (leg: number) => string;
}

const ja: LegMessages = {
  heading: (count) => `相談の流れ（${count}つの部署で対応）`,
  generalCounter: '総合窓口',
  legTitle: (leg, department) => `${leg}. ${department}`,
  thisRecord: '（この記録）',
  openLeg: (leg) => `${leg}番目の記録を開く`,
  staff: (name) => `担当: ${name}`,
  notAnswered: 'まだ誰も応答していません',
  answered: (time) => `${time} に応答`,
  handedOver: (time, department) => `${time} に${department}へ回しました`,
  ended: (time, reason) => `${time} に終了（${reason}）`,
  waiting: '対応中',
  outcome: (outcome) => `相談結果: ${outcome}`,
  noOutcome: '相談結果: 未記録',
  afterTransfer: '住民の方を他の部署へ回しました。あなたが対応した部分の相談結果を記録してください。',
  listLeg: (leg) => `（他の部署から回された相談・${leg}番目の部署）`,
};

const en: LegMessages = {
  heading: (count) => `How the consultation went (${count} departments)`,
  generalCounter: 'General counter',
  legTitle: (leg, department) => `${leg}. ${department}`,
  thisRecord: '(this record)',
  openLeg: (leg) => `Open record ${leg}`,
  staff: (name) => `Staff: ${name}`,
  notAnswered: 'Nobody has answered yet',
  answered: (time) => `Answered at ${time}`,
  handedOver: (time, department) => `Handed to ${department} at ${time}`,
  ended: (time, reason) => `Ended at ${time} (${reason})`,
  waiting: 'In progress',
  outcome: (outcome) => `Outcome: ${outcome}`,
  noOutcome: 'Outcome: not recorded',
  afterTransfer: 'The resident was handed to another department. Record the outcome of your part of the consultation.',
  listLeg: (leg) => ` (handed over; department ${leg} of the consultation)`,
};

export const legMessages: LegMessages = pick({ ja, en });
