import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Consultation records; who may read and complete them is ConsultationRecords' rule. */
export function registerConsultationRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listConsultations', async ({ query, caller }) => deps.records.list(staffOf(caller), query));
  api.handle('getConsultation', async ({ params, caller }) => deps.records.detail(staffOf(caller), params.id));
  api.handle('getConsultationTranscript', async ({ params, caller }) => deps.records.transcript(staffOf(caller), params.id));
  api.handle('getCallContext', async ({ params, caller }) => deps.records.callContext(staffOf(caller), params.id));
  api.handle('recordOutcome', async ({ params, body, caller }) => deps.records.recordOutcome(staffOf(caller), params.id, body.outcomeCode, body.notes));
}
