'use client';
/**
 * The two ways out of any verification step: "Use another method" (when there is another)
 * and "Lost access? Use a recovery code" (when the app enables them and some are left).
 */
import type { MfaAvailableMethods } from '../../core/prompt/prompt-state.js';
import type { MfaMethod } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { MfaButton } from './mfa-modal-parts.js';

export function offeredMethods(available: MfaAvailableMethods): MfaAvailableMethods['methods'] {
  // Where the browser has no WebAuthn, a passkey can't be used: don't offer it at all.
  return available.methods.filter((method) => method !== 'passkey' || available.webAuthnSupported);
}

export function MfaMethodLinks({ available, current }: { available: MfaAvailableMethods; current: MfaMethod | 'choose' }) {
  const { controller, strings, methods } = useMfaKit('MfaMethodLinks');
  const others = offeredMethods(available).filter((method) => method !== current);
  const another = current !== 'choose' && (others.length > 0 || current === 'recovery_code');
  const recovery = current !== 'recovery_code' && methods.includes('recovery_code') && available.recoveryCodesRemaining > 0;
  if (!another && !recovery) return null;
  return (
    <div className="mfa-links">
      {another ? (
        <MfaButton variant="link" onClick={() => controller.chooseMethod('choose')}>
          {strings.useAnotherMethod}
        </MfaButton>
      ) : null}
      {recovery ? (
        <MfaButton variant="link" onClick={() => controller.chooseMethod('recovery_code')}>
          {strings.lostAccess}
        </MfaButton>
      ) : null}
    </div>
  );
}
