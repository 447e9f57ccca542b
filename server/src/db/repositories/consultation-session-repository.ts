/**
 * @deprecated The old path and name of ConsultationRepository ("session" now means a login
 * only), kept so branches written before the rename still compile; remove once they are merged.
 */
export { ConsultationRepository as ConsultationSessionRepository } from './consultation-repository';
