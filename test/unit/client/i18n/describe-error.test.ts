import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../../../client/src/api/api-error';
import { describeError } from '../../../../client/src/i18n/describe-error';

describe('describeError (issue 12, item 11: the UI says how long to wait)', () => {
  it('names the wait the server gave, in minutes or seconds', () => {
    const locked = new ApiError(429, ErrorCode.RateLimited, 'too many failed logins', { details: { retryAfterSeconds: 120 } });
    assert.equal(describeError(locked), '試行が多すぎます。2分待ってからもう一度お試しください。');
    const brief = new ApiError(429, ErrorCode.RateLimited, 'too many', { details: { retryAfterSeconds: 30 } });
    assert.equal(describeError(brief), '試行が多すぎます。30秒待ってからもう一度お試しください。');
  });

  it('falls back to the general sentence without a wait, and explains a temporary password', () => {
    assert.equal(describeError(new ApiError(429, ErrorCode.RateLimited, 'x')), '操作が多すぎます。しばらく待ってからもう一度お試しください。');
    assert.equal(describeError(new ApiError(403, ErrorCode.PasswordChangeRequired, 'x')), '仮パスワードを変更してから操作してください。');
  });
});
