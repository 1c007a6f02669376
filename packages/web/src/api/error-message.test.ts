import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import { ApiError } from './api-error.js';
import { errorMessage } from './error-message.js';

describe('errorMessage', () => {
  it('says how long a sign-in lock lasts, in minutes from the server', () => {
    const locked = new ApiError(429, 'account_locked', 'locked', undefined, { retryAfterSeconds: 1800 });
    expect(errorMessage(locked, translator('zh-CN'))).toContain('30 分钟');
    expect(errorMessage(locked, translator('en'))).toContain('30 minute');
  });
});
