import { bindMessages, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import controlsEn from './en/slip-controls.json';
import slipEnTexts from './en/slip.json';
import { pick } from './language';
import controlsJa from './ja/slip-controls.json';
import slipJaTexts from './ja/slip.json';

/** The admin's controls around the slip, in the admin's language. */
export interface SlipControlMessages {
  heading: string;
  paperSize: string;
  print: string;
  back: string;
  noCode: string;
  qrFailed: string;
  previewLabel: string;
}

/** What is printed for the resident. */
export interface SlipContentMessages {
  title: string;
  when: string;
  department: string;
  place: string;
  kiosk: string;
  address: string;
  resident: (name: string) => string;
  code: string;
  qrAlt: (code: string) => string;
  instructions: string;
  arrival: string;
}

/** The words are in `ja/slip-controls.json` and `en/slip-controls.json`. */
export const slipControls: SlipControlMessages = pick(sameKeysAsJapanese({ ja: controlsJa, en: controlsEn }));

/** Residents read the slip at a Japanese kiosk: Japanese always (`ja/slip.json`), English added for English speakers (`en/slip.json`). */
export const slipJa: SlipContentMessages = bindMessages<SlipContentMessages>(slipJaTexts, { resident: ['name'], qrAlt: ['code'] });

export const slipEn: Pick<SlipContentMessages, 'instructions' | 'arrival'> = slipEnTexts;
