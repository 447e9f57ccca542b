import { CheckInPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const checkIn = defineHandler({
  event: 'checkIn',
  schema: CheckInPayload,
  roles: ['kiosk'],
  run: ({ principal, consultations }, { code, language }) => consultations.checkIn(principal.id, code, language),
});
