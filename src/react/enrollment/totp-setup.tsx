'use client';
import type { MfaCodeStatus } from '../../core/prompt/prompt-state.js';
import { MfaCodeEntry } from '../modal/totp-step.js';
import type { MfaStrings } from '../strings/types.js';
import { MfaQrCode } from './qr-code.js';
import { MfaSecretKey } from './secret-key.js';
import { useIsTouchDevice } from './use-is-touch-device.js';

/**
 * Scan (or type the key), then the first code confirms the device. On a touch device the
 * authenticator app is usually on the same phone, where a QR code can't be scanned: the
 * otpauth:// link (the Key Uri Format authenticator apps register for) comes first there.
 */
export function MfaTotpSetup({
  uri,
  secret,
  status,
  strings,
  onSubmit,
  onRetry,
}: {
  uri: string;
  secret: string;
  status: MfaCodeStatus;
  strings: MfaStrings;
  onSubmit: (code: string) => void;
  onRetry?: () => void;
}) {
  const t = strings.enroll;
  const touch = useIsTouchDevice();
  return (
    <div className="mfa-totp-setup" data-touch={touch ? '' : undefined}>
      {touch ? (
        <>
          <a className="mfa-button" data-variant="primary" href={uri}>
            {t.openInApp}
          </a>
          <p className="mfa-text">{t.orScan}</p>
        </>
      ) : (
        <p className="mfa-text">{t.scanQr}</p>
      )}
      <MfaQrCode value={uri} label={t.qrLabel} loadingLabel={t.qrLoading} />
      <p className="mfa-text">{t.cantScan}</p>
      <MfaSecretKey secret={secret} label={t.secretLabel} copy={t.copy} copied={t.copied} />
      <p className="mfa-text">{t.enterFirstCode}</p>
      <MfaCodeEntry status={status} onSubmit={onSubmit} label={strings.totp.inputLabel} {...(onRetry ? { onRetry } : {})} />
    </div>
  );
}
