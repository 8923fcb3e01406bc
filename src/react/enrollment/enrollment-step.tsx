'use client';
/**
 * Enrollment inside the prompt (docs/architecture.md §5): a user with no method sets one up, and the
 * first verification of it is the step-up (enroll, then continue).
 */
import { useEffect } from 'react';
import type { MfaEnrollmentState } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { MfaButton, MfaSpinner, MfaStatusLine } from '../modal/mfa-modal-parts.js';
import { preloadConfirmDiscard } from '../modal/lazy-confirm-discard.js';
import { MfaPasskeyStatus } from '../modal/passkey-step.js';
import { MfaEnrollmentHeader } from './enrollment-header.js';
import { MfaRecoveryCodes } from './recovery-codes.js';
import { MfaTotpSetup } from './totp-setup.js';

export function MfaEnrollmentStep({ enrollment }: { enrollment: MfaEnrollmentState }) {
  const kit = useMfaKit('MfaEnrollmentStep');
  const { controller } = kit;
  const strings = completeStrings(kit.strings);
  const t = strings.enroll;
  // Esc on a scanned key or unsaved codes asks first: have the question here before it can be asked.
  useEffect(() => void preloadConfirmDiscard().catch(() => undefined), []);
  const back = () => controller.chooseMethod('choose');
  switch (enrollment.stage) {
    case 'choose':
      return (
        <ul className="mfa-methods" aria-label={t.description}>
          {enrollment.options.map((method, index) => (
            <li key={method}>
              <button type="button" className="mfa-method" data-method={method} autoFocus={index === 0} onClick={() => controller.startEnrollment(method)}>
                <span className="mfa-method-label">{method === 'totp' ? t.totp : t.passkey}</span>
                <span className="mfa-method-hint">{method === 'totp' ? t.totpHint : t.passkeyHint}</span>
              </button>
            </li>
          ))}
        </ul>
      );
    case 'starting':
      return (
        <>
          <MfaEnrollmentHeader method={enrollment.method} step={2} strings={strings} />
          <div className="mfa-center">
            <MfaSpinner />
            <MfaStatusLine info={t.starting} />
          </div>
        </>
      );
    case 'totp':
      return (
        <>
          <MfaEnrollmentHeader method="totp" step={2} strings={strings} onBack={back} />
          <MfaTotpSetup
            uri={enrollment.uri}
            secret={enrollment.secret}
            status={enrollment.status}
            strings={strings}
            onSubmit={(code) => controller.submitEnrollmentTotpCode(code)}
          />
        </>
      );
    case 'passkey':
      return (
        <>
          <MfaEnrollmentHeader
            method="passkey"
            step={2}
            strings={strings}
            // While the browser's passkey sheet is up, it owns the screen: no Back behind it.
            onBack={enrollment.status.kind === 'waiting' || enrollment.status.kind === 'verifying' ? undefined : back}
          />
          <MfaPasskeyStatus
            status={enrollment.status}
            strings={strings}
            onRetry={() => controller.startEnrollment('passkey')}
            waitingText={t.passkeyWaiting}
            cancelledText={t.passkeyCancelled}
            failedText={t.failed}
          />
        </>
      );
    case 'recovery-codes':
      return (
        <>
          <MfaEnrollmentHeader method={enrollment.method === 'passkey' ? 'passkey' : 'totp'} step={3} strings={strings} />
          <MfaRecoveryCodes codes={enrollment.codes} strings={strings} onContinue={() => controller.acknowledgeRecoveryCodes()} />
        </>
      );
    case 'failed':
      return (
        <MfaStatusLine error={t.failed}>
          <div className="mfa-actions">
            <MfaButton variant="primary" onClick={() => controller.retry()}>
              {strings.tryAgain}
            </MfaButton>
            <MfaButton onClick={back}>{t.back}</MfaButton>
          </div>
        </MfaStatusLine>
      );
  }
}
