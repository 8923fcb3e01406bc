// Threat: a user whose codes are refused for good (403 mfa_locked) is shown "try again",
// and retries a dead end instead of being told to use a passkey or contact support.
import { describe, expect, it } from 'vitest';
import { toMfaError } from '../../core/http/to-mfa-error.js';
import { toCodeStatus } from '../../core/prompt/code-status.js';
import { en } from '../strings/en.js';
import { describeCodeStatus } from './code-status.js';

describe('the permanent lock in the modal', () => {
  it('says what happened and what to do, without a retry', () => {
    const error = toMfaError(403, { error: { code: 'mfa_locked', message: 'locked', attemptsRemaining: 0 } }, new Headers());
    const text = describeCodeStatus(toCodeStatus(error, 0), 0, en);
    expect(text).toMatchObject({ retry: false, locked: true });
    expect(text.error).toMatch(/passkey/);
    expect(text.error).toMatch(/support/);
  });
});
