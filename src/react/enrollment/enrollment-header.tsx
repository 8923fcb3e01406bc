'use client';
import type { MfaStrings } from '../strings/types.js';
import { fill } from '../strings/format.js';
import { MfaButton } from '../modal/mfa-modal-parts.js';

/** Choose, set up, save the codes: the header counts them so the user knows what is left. */
export const ENROLLMENT_STEPS = 3;

/** "Authenticator app · 2 of 3", with Back to the method choice where going back loses nothing. */
export function MfaEnrollmentHeader({
  method,
  step,
  strings,
  onBack,
}: {
  method: 'totp' | 'passkey';
  step: number;
  strings: MfaStrings;
  onBack?: (() => void) | undefined;
}) {
  const t = strings.enroll;
  return (
    <div className="mfa-enroll-header">
      {onBack ? (
        <MfaButton variant="link" className="mfa-button mfa-back" onClick={onBack}>
          <span aria-hidden="true">‹ </span>
          {t.back}
        </MfaButton>
      ) : null}
      <p className="mfa-enroll-progress">
        {fill(t.stepOf, { method: method === 'totp' ? t.totp : t.passkey, step: String(step), total: String(ENROLLMENT_STEPS) })}
      </p>
    </div>
  );
}
