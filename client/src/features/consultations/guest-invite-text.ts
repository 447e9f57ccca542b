import { ErrorCode } from '@madoguchi/contract/errors';
import type { GuestLinkLimitDetails } from '@madoguchi/contract/guests';
import { ApiError } from '../../api/api-error';
import { pick } from '../../i18n/language';

/** The words of the console's 「通訳・他部署を招待」 box. */
export const guestInviteText = pick({
  ja: {
    invite: '通訳・他部署を招待',
    making: 'リンクを作成しています…',
    linkLabel: '招待リンク（1人・この通話だけ有効）',
    expires: (time: string) => `${time} まで有効。相手に送ってください。`,
    copy: 'リンクをコピー',
    copied: 'コピーしました',
    copyFailed: 'コピーできませんでした。リンクを選択してコピーしてください。',
    failed: 'リンクを作成できませんでした。通話中か確認して、もう一度お試しください。',
    limit: (limit: number) =>
      `この通話の招待リンクは${limit}件までです。参加した方が退出するか、使われていないリンクの有効期限（30分）が過ぎると、新しいリンクを作れます。`,
    kind: '招待する相手',
    guest: '同席者',
    close: '閉じる',
  },
  en: {
    invite: 'Invite an interpreter or colleague',
    making: 'Creating the link…',
    linkLabel: 'Invitation link (one person, this call only)',
    expires: (time: string) => `Valid until ${time}. Send it to the person you invite.`,
    copy: 'Copy link',
    copied: 'Copied',
    copyFailed: 'Could not copy; select the link and copy it.',
    failed: 'Could not create the link. Check that the call is running and try again.',
    limit: (limit: number) =>
      `This call can have at most ${limit} invitation links. You can make a new one when a guest leaves or an unused link expires (after 30 minutes).`,
    kind: 'Who you invite',
    guest: 'Guest',
    close: 'Close',
  },
});

/** Why no link was made, in the member's language: the call's cap (the server's own limit), or the generic advice. */
export function guestInviteFailureText(error: unknown): string {
  const details = error instanceof ApiError && error.code === ErrorCode.Conflict ? (error.details as Partial<GuestLinkLimitDetails> | undefined) : undefined;
  if (details?.reason === 'guest_link_limit' && typeof details.limit === 'number') return guestInviteText.limit(details.limit);
  return guestInviteText.failed;
}
