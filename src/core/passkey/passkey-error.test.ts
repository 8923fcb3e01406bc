import { describe, expect, it } from 'vitest';
import { MfaCancelledError, MfaError, NoWebAuthnSupportError } from '../errors.js';
import { classifyPasskeyError } from './passkey-error.js';
import { domError } from '../test-support/stub-api.js';

describe('classifyPasskeyError', () => {
  it('given NotAllowedError (dismissed or timed out), should be cancelled: "try again"', () => {
    const { kind, error } = classifyPasskeyError(domError('NotAllowedError'));
    expect(kind).toBe('cancelled');
    expect(error).toBeInstanceOf(MfaCancelledError);
  });

  it('given AbortError (our own cancelCeremony), should be aborted', () => {
    expect(classifyPasskeyError(domError('AbortError')).kind).toBe('aborted');
  });

  it('given NotSupportedError, should fail with NoWebAuthnSupportError', () => {
    const { kind, error } = classifyPasskeyError(domError('NotSupportedError'));
    expect(kind).toBe('failed');
    expect(error).toBeInstanceOf(NoWebAuthnSupportError);
  });

  it('given a server error, should fail with it unchanged', () => {
    const server = new MfaError('passkey_verification_failed', 'bad signature', { status: 401 });
    expect(classifyPasskeyError(server)).toEqual({ kind: 'failed', error: server });
  });

  it('given anything else, should fail with a typed MfaError keeping the cause', () => {
    const cause = domError('SecurityError');
    const { kind, error } = classifyPasskeyError(cause);
    expect(kind).toBe('failed');
    expect(error.code).toBe('passkey_verification_failed');
    expect(error.cause).toBe(cause);
  });
});
