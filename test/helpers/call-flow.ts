import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { waitForMedia, type InboundMedia } from './browser';

/** The steps most browser tests share: a desk logs in, a resident walks in, the desk answers. */

export async function loginAtDesk(page: Page, baseUrl: string, loginId = 'demo-staff', password = 'test-password'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** Opens the kiosk with its device credential and asks for a specialist without a booking. */
export async function walkInAtKiosk(page: Page, baseUrl: string, kioskCredential: string): Promise<void> {
  await page.goto(`${baseUrl}/kiosk/#credential=${kioskCredential}`);
  await page.getByRole('button', { name: 'はじめる' }).click({ timeout: 15_000 });
  await page.getByRole('button', { name: /予約なしで相談/ }).click();
}

/**
 * Presses 応答 on the first waiting resident. A desk that logs in again after a call it left
 * without an outcome is first offered that outcome form (「後で記録する」 puts it off), as a
 * real specialist would be; the offer may arrive just after the queue shows, so look again.
 */
export async function answerFirstInQueue(page: Page): Promise<void> {
  const answer = page.getByRole('button', { name: '応答' }).first();
  const later = page.getByRole('button', { name: '後で記録する' });
  const deadline = Date.now() + 15_000;
  for (;;) {
    await answer.or(later).first().waitFor({ timeout: Math.max(1, deadline - Date.now()) });
    if (await later.isVisible()) {
      await later.click();
      continue;
    }
    try {
      await answer.click({ timeout: 1_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

export const hasVideoAndAudio = (m: InboundMedia): boolean => m.videoFramesDecoded > 10 && m.audioPacketsReceived > 10;

/** Waits until both sides decode video and receive audio; fails naming the side that does not. */
export async function expectBothDecode(staff: Page, kiosk: Page): Promise<{ atStaff: InboundMedia; atKiosk: InboundMedia }> {
  const [atStaff, atKiosk] = await Promise.all([waitForMedia(staff, hasVideoAndAudio), waitForMedia(kiosk, hasVideoAndAudio)]);
  assert.ok(hasVideoAndAudio(atStaff), `staff decoded too little: ${JSON.stringify(atStaff)}`);
  assert.ok(hasVideoAndAudio(atKiosk), `kiosk decoded too little: ${JSON.stringify(atKiosk)}`);
  return { atStaff, atKiosk };
}

/** Staff hang up: 通話を終了, then 終了する in the confirmation that follows. */
export async function hangUpAtDesk(page: Page): Promise<void> {
  await page.getByRole('button', { name: '通話を終了' }).click();
  await page.getByRole('dialog', { name: '通話を終了しますか？' }).getByRole('button', { name: '終了する' }).click();
}

/** The outcome form after a call: picks the outcome by its code, records it and waits for the desk to say so. */
export async function recordOutcomeAtDesk(page: Page, outcomeCode: string): Promise<void> {
  await page.getByRole('combobox', { name: /^対応結果/ }).selectOption(outcomeCode);
  await page.getByRole('button', { name: '記録して待ち列へ戻る' }).click();
  await page.getByText('対応結果を記録しました。').waitFor({ timeout: 10_000 });
}
