/**
 * @deprecated The old path and name of ConsultationEventRepository, kept so branches written
 * before the rename still compile; remove once they are merged.
 */
export { ConsultationEventRepository as SessionEventRepository } from './consultation-event-repository';
