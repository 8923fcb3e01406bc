'use client';
import type { MfaAvailableMethods, MfaPasskeyStatus } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import type { MfaStrings } from '../strings/types.js';
import { MfaMethodLinks } from './method-links.js';
import { MfaButton, MfaSpinner, MfaStatusLine } from './mfa-modal-parts.js';

/**
 * The passkey ceremony: the controller starts it when this step opens; a cancelled or
 * timed-out ceremony (WebAuthn's NotAllowedError) offers "Try again".
 */
export function MfaPasskeyStep({ available, status }: { available: MfaAvailableMethods; status: MfaPasskeyStatus }) {
  const { controller, strings } = useMfaKit('MfaPasskeyStep');
  return (
    <>
      {/* Its words come with it (en-on-demand.ts), under the app's own. */}
      <MfaPasskeyStatus status={status} strings={completeStrings(strings)} onRetry={() => controller.startPasskey()} />
      <MfaMethodLinks available={available} current="passkey" />
    </>
  );
}

export function MfaPasskeyStatus({
  status,
  strings,
  onRetry,
  waitingText = strings.passkey.waiting,
  cancelledText = strings.passkey.cancelled,
  failedText = strings.passkey.failed,
}: {
  status: MfaPasskeyStatus;
  strings: MfaStrings;
  onRetry: () => void;
  waitingText?: string;
  cancelledText?: string;
  failedText?: string;
}) {
  const pending = status.kind === 'waiting' || status.kind === 'verifying';
  return (
    <div className="mfa-passkey" data-state={status.kind}>
      <div className="mfa-passkey-icon">{pending ? <MfaSpinner /> : null}</div>
      <MfaStatusLine
        info={status.kind === 'waiting' ? waitingText : status.kind === 'verifying' ? strings.passkey.verifying : undefined}
        error={status.kind === 'cancelled' ? cancelledText : status.kind === 'failed' ? failedText : undefined}
      >
        {pending ? null : (
          <MfaButton variant="primary" autoFocus onClick={onRetry}>
            {strings.tryAgain}
          </MfaButton>
        )}
      </MfaStatusLine>
    </div>
  );
}
