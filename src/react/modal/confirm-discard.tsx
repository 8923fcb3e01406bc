'use client';
import { useId } from 'react';
import { useMfaKit } from '../mfa-kit-context.js';
import { completeStrings } from '../strings/complete-strings.js';
import type { DiscardRisk } from './discard-guard.js';
import { MfaButton } from './mfa-modal-parts.js';

/**
 * "Your recovery codes aren't saved yet": asked inside the modal when Esc or × would throw
 * away something shown once. Stay is the default (focused); leaving is the red one.
 */
export function MfaConfirmDiscard({ risk, onStay, onLeave }: { risk: DiscardRisk; onStay: () => void; onLeave: () => void }) {
  const t = completeStrings(useMfaKit('MfaConfirmDiscard').strings).discard;
  const id = useId();
  const text = risk === 'recovery-codes' ? { title: t.codesTitle, body: t.codesText } : { title: t.setupTitle, body: t.setupText };
  return (
    <div className="mfa-confirm-discard" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h3 className="mfa-confirm-title" id={`${id}-title`}>
        {text.title}
      </h3>
      <p className="mfa-text" id={`${id}-text`}>
        {text.body}
      </p>
      <div className="mfa-actions">
        <MfaButton variant="primary" autoFocus onClick={onStay}>
          {t.stay}
        </MfaButton>
        <MfaButton variant="danger" onClick={onLeave}>
          {t.leave}
        </MfaButton>
      </div>
    </div>
  );
}
