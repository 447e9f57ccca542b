import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@madoguchi/contract/errors';
import { MAX_OPEN_GUEST_LINKS } from '@madoguchi/contract/guests';
import { ApiError } from '../../../../client/src/api/api-error';
import { guestInviteFailureText } from '../../../../client/src/features/consultations/guest-invite-text';

describe('通訳・他部署を招待: why no link was made', () => {
  it("says the call's cap and what frees a place when the server refuses a fifth open link", () => {
    const capped = new ApiError(409, ErrorCode.Conflict, 'this call already has 4 open guest links; …', { details: { reason: 'guest_link_limit', limit: MAX_OPEN_GUEST_LINKS } });
    assert.equal(
      guestInviteFailureText(capped),
      'この通話の招待リンクは4件までです。参加した方が退出するか、使われていないリンクの有効期限（30分）が過ぎると、新しいリンクを作れます。',
    );
  });

  it('keeps the generic advice for any other failure', () => {
    const generic = 'リンクを作成できませんでした。通話中か確認して、もう一度お試しください。';
    assert.equal(guestInviteFailureText(new ApiError(409, ErrorCode.InvalidState, 'the call is not in progress')), generic);
    assert.equal(guestInviteFailureText(new ApiError(409, ErrorCode.Conflict, 'x', { details: { reason: 'slot_taken' } })), generic);
    assert.equal(guestInviteFailureText(ApiError.network(new Error('offline'))), generic);
    assert.equal(guestInviteFailureText(new Error('boom')), generic);
  });
});
