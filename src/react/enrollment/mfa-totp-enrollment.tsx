'use client';
/**
 * Standalone TOTP enrollment (outside the prompt): QR code, grouped key, the first code,
 * then the recovery codes when this is the user's first factor. When the user already has a
 * factor the server wants `credential:link`: prompt for it before mounting this.
 */
import { useEffect, useRef, useState } from 'react';
import { isMfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../../core/errors.js';
import type { MfaCodeStatus } from '../../core/prompt/prompt-state.js';
import type { CreateTotpDeviceResponse, VerifyTotpDeviceResponse } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import { MfaButton, MfaSpinner, MfaStatusLine } from '../modal/mfa-modal-parts.js';
import { MfaRecoveryCodes } from './recovery-codes.js';
import { MfaTotpSetup } from './totp-setup.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

export interface MfaTotpEnrollmentProps {
  /** After the device is confirmed (and recovery codes, if any, acknowledged). */
  onComplete?: (result: VerifyTotpDeviceResponse) => void;
}

export function MfaTotpEnrollment({ onComplete }: MfaTotpEnrollmentProps) {
  const kit = useMfaKit('MfaTotpEnrollment');
  const { controller } = kit;
  const strings = completeStrings(kit.strings);
  const { api } = controller;
  const [device, setDevice] = useState<CreateTotpDeviceResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const [status, setStatus] = useState<MfaCodeStatus>({ kind: 'idle' });
  const [done, setDone] = useState<VerifyTotpDeviceResponse | null>(null);
  const started = useRef(false);

  const start = () => {
    setFailed(false);
    api.createTotpDevice(headlessCallsOf(controller).credentialsFor('credential:link', { legacyFallback: false })).then(setDevice, () => setFailed(true));
  };
  useEffect(() => {
    // StrictMode runs effects twice; one device per mount, not two.
    if (started.current) return;
    started.current = true;
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (code: string) => {
    if (!device) return;
    setStatus({ kind: 'verifying' });
    api.verifyTotpDevice(device.id, { code }).then(
      (result) => (result.recoveryCodes?.length ? setDone(result) : onComplete?.(result)),
      (error: unknown) => setStatus(toCodeStatus(error)),
    );
  };

  if (done?.recoveryCodes) {
    return (
      <MfaRecoveryCodes codes={done.recoveryCodes} strings={strings} onContinue={() => void api.acknowledgeRecoveryCodes().finally(() => onComplete?.(done))} />
    );
  }
  if (failed) {
    return (
      <MfaStatusLine error={strings.enroll.failed}>
        <MfaButton onClick={start}>{strings.tryAgain}</MfaButton>
      </MfaStatusLine>
    );
  }
  if (!device) {
    return (
      <div className="mfa-center" aria-busy="true">
        <MfaSpinner />
        <MfaStatusLine info={strings.enroll.starting} />
      </div>
    );
  }
  return (
    <MfaTotpSetup uri={device.uri} secret={device.secret} status={status} strings={strings} onSubmit={submit} onRetry={() => setStatus({ kind: 'idle' })} />
  );
}

function toCodeStatus(error: unknown): MfaCodeStatus {
  if (error instanceof MfaInvalidCodeError) {
    return { kind: 'invalid', error, ...(error.attemptsRemaining !== undefined ? { attemptsRemaining: error.attemptsRemaining } : {}) };
  }
  if (error instanceof MfaRateLimitedError) return { kind: 'locked', error, retryAt: Date.now() + error.retryAfterSeconds * 1000 };
  return { kind: 'failed', error: isMfaError(error) ? error : new MfaInvalidCodeError({ message: String(error) }) };
}
