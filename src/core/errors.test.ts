import { describe, expect, it } from 'vitest';
import { MfaCancelledError, MfaInvalidCodeError, MfaRateLimitedError, NoWebAuthnSupportError } from './errors.js';

describe('error subclasses', () => {
  it('should take one options object', () => {
    const cause = new Error('from the browser');
    expect(new NoWebAuthnSupportError({ cause })).toMatchObject({ code: 'no_webauthn_support', message: 'This browser does not support passkeys.', cause });
    expect(new MfaCancelledError({ message: 'Closed.' })).toMatchObject({ code: 'mfa_cancelled', message: 'Closed.' });
    expect(new MfaInvalidCodeError({ attemptsRemaining: 2, status: 401 })).toMatchObject({ code: 'mfa_invalid_code', attemptsRemaining: 2, status: 401 });
    expect(new MfaRateLimitedError({ retryAfterSeconds: 30 })).toMatchObject({
      code: 'mfa_rate_limited',
      retryAfterSeconds: 30,
      message: 'Too many attempts.',
    });
  });

  it('should still accept the earlier positional arguments', () => {
    const cause = new Error('x');
    expect(new NoWebAuthnSupportError(undefined, { cause })).toMatchObject({ message: 'This browser does not support passkeys.', cause });
    expect(new MfaCancelledError('Closed.', { cause })).toMatchObject({ message: 'Closed.', cause });
    expect(new MfaInvalidCodeError('Wrong.', 3, { status: 401 })).toMatchObject({ message: 'Wrong.', attemptsRemaining: 3, status: 401 });
    expect(new MfaRateLimitedError('Slow down.', 60)).toMatchObject({ message: 'Slow down.', retryAfterSeconds: 60 });
    expect(new MfaCancelledError()).toMatchObject({ message: 'The MFA prompt was cancelled.' });
  });
});
