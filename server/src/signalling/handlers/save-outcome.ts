import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SaveOutcomePayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const saveOutcome = defineHandler({
  event: 'saveOutcome',
  schema: SaveOutcomePayload,
  roles: SOCKET_PERMISSIONS.saveOutcome,
  run: ({ principal, outcomes }, payload) => outcomes.save(principal, { ...payload, notes: payload.notes ?? '' }),
});
