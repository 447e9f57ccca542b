import type { EndReason, OutcomeCode } from './consultation';

/**
 * One leg of a consultation. A resident handed to another department stays one consultation:
 * the first desk's part is leg 1, the next department's leg 2, each with its own staff member,
 * times and outcome. Reports count the consultation once and a department's figures by leg.
 */
export interface ConsultationLeg {
  /** The consultation record of this leg. */
  consultationId: string;
  leg: number;
  departmentName: string | null;
  staffName: string | null;
  queuedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  outcomeCode: OutcomeCode | null;
}
