import type { GuestKind, GuestLink } from '@madoguchi/contract/guests';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function createGuestLink(consultationId: string, invite: { label: string; kind: GuestKind }, options: RequestOptions): Promise<GuestLink> {
  return callRoute('createGuestLink', { ...options, params: { id: consultationId }, body: invite });
}
