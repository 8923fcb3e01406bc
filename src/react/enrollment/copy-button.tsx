'use client';
import { useEffect, useState } from 'react';
import { MfaButton } from '../modal/mfa-modal-parts.js';

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_FEEDBACK_MS = 2000;

/** Copies `text` with the async Clipboard API; says "Copied" for a moment (announced). */
export function MfaCopyButton({ text, label, copiedLabel, accessibleName }: { text: string; label: string; copiedLabel: string; accessibleName?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <MfaButton
      aria-label={accessibleName ? `${copied ? copiedLabel : label} ${accessibleName}` : undefined}
      data-state={copied ? 'copied' : 'idle'}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => undefined,
        );
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </MfaButton>
  );
}
