'use client';
/**
 * Enrollment inside the prompt (DESIGN.md §5): a user with no method sets one up, and the
 * first verification of it is the step-up (enroll, then continue).
 */
import type { MfaEnrollmentState } from '../../core/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { MfaButton, MfaSpinner, MfaStatusLine } from '../modal/mfa-modal-parts.js';
import { MfaPasskeyStatus } from '../modal/passkey-step.js';
import { MfaRecoveryCodes } from './recovery-codes.js';
import { MfaTotpSetup } from './totp-setup.js';

export function MfaEnrollmentStep({ enrollment }: { enrollment: MfaEnrollmentState }) {
  const { controller, strings } = useMfaKit('MfaEnrollmentStep');
  const t = strings.enroll;
  switch (enrollment.stage) {
    case 'choose':
      return (
        <ul className="mfa-methods" aria-label={t.description}>
          {enrollment.options.map((method, index) => (
            <li key={method}>
              <button
                type="button"
                className="mfa-method"
                data-method={method}
                autoFocus={index === 0}
                onClick={() => controller.startEnrollment(method)}
              >
                <span className="mfa-method-label">{method === 'totp' ? t.totp : t.passkey}</span>
                <span className="mfa-method-hint">{method === 'totp' ? t.totpHint : t.passkeyHint}</span>
              </button>
            </li>
          ))}
        </ul>
      );
    case 'starting':
      return (
        <div className="mfa-center">
          <MfaSpinner />
          <MfaStatusLine info={t.starting} />
        </div>
      );
    case 'totp':
      return (
        <MfaTotpSetup
          uri={enrollment.uri}
          secret={enrollment.secret}
          status={enrollment.status}
          strings={strings}
          onSubmit={(code) => controller.submitEnrollmentTotpCode(code)}
        />
      );
    case 'passkey':
      return (
        <MfaPasskeyStatus
          status={enrollment.status}
          strings={strings}
          onRetry={() => controller.startEnrollment('passkey')}
          waitingText={t.passkeyWaiting}
          cancelledText={t.passkeyCancelled}
          failedText={t.failed}
        />
      );
    case 'recovery-codes':
      return <MfaRecoveryCodes codes={enrollment.codes} strings={strings} onContinue={() => controller.acknowledgeRecoveryCodes()} />;
    case 'failed':
      return (
        <MfaStatusLine error={t.failed}>
          <MfaButton variant="primary" onClick={() => controller.retry()}>
            {strings.tryAgain}
          </MfaButton>
        </MfaStatusLine>
      );
  }
}
