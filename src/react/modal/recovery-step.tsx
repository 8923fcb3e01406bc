'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { MfaAvailableMethods, MfaCodeStatus } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { describeCodeStatus } from './code-status.js';
import { MfaMethodLinks } from './method-links.js';
import { MfaButton, MfaStatusLine } from './mfa-modal-parts.js';
import { useCountdown } from './use-countdown.js';

/** A saved recovery code, typed or pasted; a plain text field (codes have letters and dashes). */
export function MfaRecoveryStep({ available, status }: { available: MfaAvailableMethods; status: MfaCodeStatus }) {
  const kit = useMfaKit('MfaRecoveryStep');
  const { controller } = kit;
  // Its words come with it (en-on-demand.ts), under the app's own.
  const strings = completeStrings(kit.strings);
  const [code, setCode] = useState('');
  const inputId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const seconds = useCountdown(status.kind === 'locked' ? status.retryAt : undefined);
  const text = describeCodeStatus(status, seconds, strings, strings.recovery.invalid);
  const busy = status.kind === 'verifying';

  useEffect(() => {
    if (status.kind === 'invalid') inputRef.current?.select();
  }, [status]);

  return (
    <>
      <form
        className="mfa-recovery"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && code.trim()) controller.submitRecoveryCode(code.trim());
        }}
      >
        <label htmlFor={inputId} className="mfa-label">
          {strings.recovery.inputLabel}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="mfa-input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          readOnly={busy}
          disabled={text.locked}
          aria-invalid={status.kind === 'invalid' || undefined}
          aria-describedby={statusId}
        />
        <MfaButton type="submit" variant="primary" disabled={text.locked || !code.trim()}>
          {strings.recovery.submit}
        </MfaButton>
      </form>
      <MfaStatusLine id={statusId} info={text.info} error={text.error} errorKey={status.kind === 'locked' ? status : undefined}>
        {text.retry ? <MfaButton onClick={() => controller.retry()}>{strings.tryAgain}</MfaButton> : null}
      </MfaStatusLine>
      <MfaMethodLinks available={available} current="recovery_code" />
    </>
  );
}
