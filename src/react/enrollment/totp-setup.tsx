'use client';
import type { MfaCodeStatus } from '../../core/prompt-state.js';
import { MfaCodeEntry } from '../modal/totp-step.js';
import type { MfaStrings } from '../strings/types.js';
import { MfaQrCode } from './qr-code.js';
import { MfaSecretKey } from './secret-key.js';

/** Scan (or type the key), then the first code confirms the device. */
export function MfaTotpSetup({ uri, secret, status, strings, onSubmit, onRetry }: {
  uri: string;
  secret: string;
  status: MfaCodeStatus;
  strings: MfaStrings;
  onSubmit: (code: string) => void;
  onRetry?: () => void;
}) {
  const t = strings.enroll;
  return (
    <div className="mfa-totp-setup">
      <p className="mfa-text">{t.scanQr}</p>
      <MfaQrCode value={uri} label={t.qrLabel} loadingLabel={t.qrLoading} />
      <p className="mfa-text">{t.cantScan}</p>
      <MfaSecretKey secret={secret} label={t.secretLabel} copy={t.copy} copied={t.copied} />
      <p className="mfa-text">{t.enterFirstCode}</p>
      <MfaCodeEntry status={status} onSubmit={onSubmit} label={strings.totp.inputLabel} {...(onRetry ? { onRetry } : {})} />
    </div>
  );
}
