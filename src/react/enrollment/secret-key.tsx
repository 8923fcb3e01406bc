'use client';
import { MfaCopyButton } from './copy-button.js';

/** Groups of 4, as authenticator apps show them: easier to read out and type. */
export function groupSecret(secret: string): string[] {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? [];
}

/** The base32 setup key for users who can't scan, with a Copy button (copies it ungrouped). */
export function MfaSecretKey({ secret, label, copy, copied }: { secret: string; label: string; copy: string; copied: string }) {
  return (
    <div className="mfa-secret">
      <code className="mfa-secret-value" aria-label={label}>
        {/* Each group is unbreakable (styles.css): a line never splits one. */}
        {groupSecret(secret).map((group, index) => (
          <span key={index} className="mfa-secret-group">
            {index > 0 ? ' ' : ''}
            {group}
          </span>
        ))}
      </code>
      <MfaCopyButton text={secret.replace(/\s+/g, '')} label={copy} copiedLabel={copied} accessibleName={label} />
    </div>
  );
}
