'use client';
import { useId, useState } from 'react';
import type { MfaAvailableMethods, MfaCodeStatus } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { MfaCodeInput } from './code-input.js';
import { describeCodeStatus } from './code-status.js';
import { MfaMethodLinks } from './method-links.js';
import { MfaButton, MfaStatusLine } from './mfa-modal-parts.js';
import { useCountdown } from './use-countdown.js';

/** The code from an authenticator app: submits on the sixth digit, says why a code failed. */
export function MfaTotpStep({ available, status }: { available: MfaAvailableMethods; status: MfaCodeStatus }) {
  const { controller, strings } = useMfaKit('MfaTotpStep');
  return (
    <>
      <MfaCodeEntry status={status} onSubmit={(code) => controller.submitTotpCode(code)} label={strings.totp.inputLabel} />
      <MfaMethodLinks available={available} current="totp" />
    </>
  );
}

/** Code field + status line + "Try again", shared by verification and enrollment. */
export function MfaCodeEntry({
  status,
  onSubmit,
  label,
  onRetry,
}: {
  status: MfaCodeStatus;
  onSubmit: (code: string) => void;
  label: string;
  /** "Try again" after a network failure. @default controller.retry */
  onRetry?: () => void;
}) {
  const { controller, strings } = useMfaKit('MfaCodeEntry');
  const statusId = useId();
  const seconds = useCountdown(status.kind === 'locked' ? status.retryAt : undefined);
  const text = describeCodeStatus(status, seconds, strings);
  const refused = status.kind === 'invalid' || status.kind === 'failed' || status.kind === 'locked';
  // Enter before the sixth digit: say what is missing (only while nothing else is being said).
  const [incomplete, setIncomplete] = useState(false);
  const hint = incomplete && status.kind === 'idle' ? strings.totp.needAllDigits : undefined;
  return (
    <>
      <MfaCodeInput
        label={label}
        onSubmit={onSubmit}
        onIncomplete={() => setIncomplete(true)}
        onInput={() => setIncomplete(false)}
        busy={status.kind === 'verifying'}
        disabled={text.locked}
        invalid={status.kind === 'invalid'}
        // Each refusal is a new status object: the field clears for the next try.
        resetKey={refused ? status : undefined}
        describedBy={statusId}
      />
      <MfaStatusLine
        id={statusId}
        info={text.info ?? hint}
        busy={status.kind === 'verifying'}
        error={text.error}
        errorKey={status.kind === 'locked' ? status : undefined}
      >
        {text.retry ? <MfaButton onClick={onRetry ?? (() => controller.retry())}>{strings.tryAgain}</MfaButton> : null}
      </MfaStatusLine>
    </>
  );
}
