import { messagesFor } from '../i18n/messages';
import type { KioskMessages } from '../i18n/messages';
import { useKioskSnapshot } from './use-kiosk-snapshot';

/** Every kiosk string in the language the resident chose. */
export function useMessages(): KioskMessages {
  return messagesFor(useKioskSnapshot().language);
}
