import type { CreateKioskRequest, KioskRegistered, KioskSummary, PairingCode, UpdateKioskRequest } from '@madoguchi/contract/kiosks';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function listKiosks(options: RequestOptions): Promise<KioskSummary[]> {
  return callRoute('listKiosks', options);
}

export function createKiosk(body: CreateKioskRequest, options: RequestOptions): Promise<KioskRegistered> {
  return callRoute('createKiosk', { ...options, body });
}

export function updateKiosk(id: string, body: UpdateKioskRequest, options: RequestOptions): Promise<KioskSummary> {
  return callRoute('updateKiosk', { ...options, params: { id }, body });
}

export function issuePairingCode(id: string, options: RequestOptions): Promise<PairingCode> {
  return callRoute('issuePairingCode', { ...options, params: { id }, body: {} });
}

export function issueInstallerCode(id: string, options: RequestOptions): Promise<PairingCode> {
  return callRoute('issueInstallerCode', { ...options, params: { id }, body: {} });
}

export async function revokeKiosk(id: string, options: RequestOptions): Promise<void> {
  await callRoute('revokeKiosk', { ...options, params: { id }, body: {} });
}
