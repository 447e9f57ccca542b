import { KioskDisplaySettings } from '@madoguchi/contract/town-settings';

/** What the admin must fix in 設定 → キオスクの表示, field by field. */
export interface KioskDisplayProblems {
  counterPhone?: 'notAPhoneNumber';
}

/** The contract's own check of each field (the server refuses the same values with a 400). */
export function kioskDisplayProblems(draft: KioskDisplaySettings): KioskDisplayProblems {
  return KioskDisplaySettings.shape.counterPhone.safeParse(draft.counterPhone).success ? {} : { counterPhone: 'notAPhoneNumber' };
}
