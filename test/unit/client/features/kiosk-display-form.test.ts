import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCounterPhone, type KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import { kioskDisplayProblems } from '../../../../client/src/features/settings/kiosk-display-form';

const draft = (counterPhone: string): KioskDisplaySettings => ({ residentNameDisplay: 'family_name', counterPhone, openingHours: '', offerBookingHere: false });

describe('設定 → キオスクの表示: the phone number residents are offered', () => {
  it('accepts the ways a number is written: hyphens, parentheses, spaces, a leading +, full-width digits', () => {
    for (const phone of ['0120-000-000', '03 (1234) 5678', '(03)1234-5678', '+81 3-1234-5678', '090-1234-5678', '123456', '０１２０－０００－０００', '  0120-000-000  ', '']) {
      assert.deepEqual(kioskDisplayProblems(draft(phone)), {}, phone);
    }
  });

  it('refuses words, short codes, extensions, a + in the middle and more than 15 digits, next to the field', () => {
    for (const phone of ['お電話ください', '110', '0120-000-000 内線3', '0120+000000', '+', '-0120000000', '0120-000-000-', '1'.repeat(16), 'tel:0120000000']) {
      assert.deepEqual(kioskDisplayProblems(draft(phone)), { counterPhone: 'notAPhoneNumber' }, phone);
    }
  });

  it('counts digits, not characters', () => {
    assert.equal(isCounterPhone('1-2-3-4-5-6'), true);
    assert.equal(isCounterPhone('1-2-3-4-5'), false);
    assert.equal(isCounterPhone('+1 (234) 567-8901 2345'), true, '15 digits');
  });
});
