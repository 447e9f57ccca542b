/**
 * A kiosk-to-staff call in Chromium against a server that is already running (for example a
 * fresh clone's `npm start`): FRESH_URL=http://127.0.0.1:3000 FRESH_KIOSK_CREDENTIAL=<from its
 * output> node --import tsx test/bench/fresh-clone-call.ts. Prints what each side decoded.
 */
import { openBrowser } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';

const url = process.env['FRESH_URL'] ?? 'http://127.0.0.1:3000';
const credential = process.env['FRESH_KIOSK_CREDENTIAL'] ?? '';
if (!credential) throw new Error('set FRESH_KIOSK_CREDENTIAL (the #credential=… part of the kiosk URL npm start printed)');

const kiosk = await openBrowser();
const staff = await openBrowser();
try {
  const started = Date.now();
  await loginAtDesk(staff.page, url, 'demo-staff', process.env['FRESH_STAFF_PASSWORD'] ?? 'madoguchi-demo');
  await walkInAtKiosk(kiosk.page, url, credential);
  // With the demo data the walk-in screen lists departments; the demo specialist serves them all.
  const department = kiosk.page.getByRole('button', { name: new RegExp(process.env['FRESH_DEPARTMENT'] ?? '子育て支援課') });
  if (await department.first().isVisible({ timeout: 3_000 }).catch(() => false)) await department.first().click();
  await answerFirstInQueue(staff.page);
  const { atStaff, atKiosk } = await expectBothDecode(staff.page, kiosk.page);
  console.log(`call up in ${Date.now() - started} ms from login`);
  console.log(`staff decoded ${atStaff.videoFramesDecoded} frames at ${atStaff.videoWidth}x${atStaff.videoHeight}, ${atStaff.audioPacketsReceived} audio packets`);
  console.log(`kiosk decoded ${atKiosk.videoFramesDecoded} frames at ${atKiosk.videoWidth}x${atKiosk.videoHeight}, ${atKiosk.audioPacketsReceived} audio packets`);
  await hangUpAtDesk(staff.page);
  await kiosk.page.getByRole('button', { name: /^満足/ }).click({ timeout: 20_000 });
  console.log('hung up; the kiosk reached its survey');
} finally {
  await kiosk.close();
  await staff.page.close();
  await staff.close();
}
