import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SetAvailabilityPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

/** 「対応可能」/「離席中」 on a console: who can answer decides what the waiting residents are told. */
export const setAvailability = defineHandler({
  event: 'setAvailability',
  schema: SetAvailabilityPayload,
  roles: SOCKET_PERMISSIONS.setAvailability,
  run: async ({ consultations, setAway }, { available }) => {
    setAway(!available);
    consultations.refreshForecasts();
    return null;
  },
});
