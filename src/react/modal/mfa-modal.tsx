'use client';
/**
 * The method-agnostic modal: renders the prompt controller's snapshot and calls its flow
 * methods. Esc, the backdrop and the close button all go through `controller.cancel()`,
 * which rejects the pending prompt with `MfaCancelledError`.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MfaPromptState } from '../../core/prompt-state.js';
import { MfaEnrollmentStep } from '../enrollment/enrollment-step.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { useMfaPromptState } from '../use-mfa-prompt-state.js';
import { MfaActionSummary } from '../summaries/action-summary.js';
import { MfaChooseMethodStep } from './choose-method-step.js';
import {
  MfaButton,
  MfaModalBody,
  MfaModalClose,
  MfaModalContent,
  MfaModalDescription,
  MfaModalTitle,
  MfaSpinner,
  MfaStatusLine,
} from './mfa-modal-parts.js';
import { MfaPasskeyStep } from './passkey-step.js';
import { promptTitle, stepDescription } from './prompt-title.js';
import { MfaRecoveryStep } from './recovery-step.js';
import { MfaTotpStep } from './totp-step.js';

type OpenState = Exclude<MfaPromptState, { step: 'closed' }>;

// The provider renders this on the server too, where a layout effect only earns a warning (React 18).
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function MfaModal() {
  const { controller, strings, theme } = useMfaKit('MfaModal');
  const state = useMfaPromptState();
  const open = state.step !== 'closed';

  // Focus goes back where it was when the prompt opened (a prompt opened by `promptMfaAuth()`
  // after an await may find focus already moved; this is the element it was on). Read during
  // render, not in an effect: a step's autoFocus has already moved focus by the time effects run.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    returnFocusTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  wasOpen.current = open;
  useClientLayoutEffect(() => {
    if (open) return;
    returnFocusTo.current?.focus();
    returnFocusTo.current = null;
  }, [open]);

  if (state.step === 'closed') return null;
  return (
    <MfaModalContent
      // One dialog per prompt: a queued prompt opens its own, even if the browser closed the last.
      key={state.promptId}
      theme={theme}
      // The modal speaks the provider's language even when the page speaks another.
      lang={strings.locale}
      step={state.step}
      busy={isBusy(state)}
      onDismiss={controller.cancel}
    >
      <MfaModalTitle>{promptTitle(state.request, strings)}</MfaModalTitle>
      <MfaActionSummary action={state.request.action} />
      <MfaModalDescription>{stepDescription(state, strings)}</MfaModalDescription>
      <MfaModalBody>
        <MfaStepView state={state} />
      </MfaModalBody>
      <MfaModalClose label={strings.close} />
    </MfaModalContent>
  );
}

function isBusy(state: OpenState): boolean {
  switch (state.step) {
    case 'loading':
      return true;
    case 'totp':
    case 'recovery':
    case 'passkey':
      return state.status.kind === 'verifying';
    case 'enrolling':
      return state.enrollment.stage === 'starting' || ('status' in state.enrollment && state.enrollment.status.kind === 'verifying');
    default:
      return false;
  }
}

/** The body for one step; `key` on the prompt id so a queued prompt starts fresh. */
export function MfaStepView({ state }: { state: OpenState }) {
  const { controller, strings } = useMfaKit('MfaStepView');
  switch (state.step) {
    case 'loading':
      return (
        <div className="mfa-center">
          <MfaSpinner />
          <MfaStatusLine info={strings.loading} />
        </div>
      );
    case 'choosing':
      return <MfaChooseMethodStep key={state.promptId} available={state.available} lastUsed={state.lastUsed} />;
    case 'totp':
      return <MfaTotpStep key={state.promptId} available={state.available} status={state.status} />;
    case 'passkey':
      return <MfaPasskeyStep key={state.promptId} available={state.available} status={state.status} />;
    case 'recovery':
      return <MfaRecoveryStep key={state.promptId} available={state.available} status={state.status} />;
    case 'enrolling':
      return <MfaEnrollmentStep key={state.promptId} enrollment={state.enrollment} />;
    case 'success':
      return (
        <div className="mfa-center mfa-success">
          <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
            <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
          <MfaStatusLine info={strings.success} />
        </div>
      );
    case 'error':
      // Retrying cannot give the browser WebAuthn: say what to do instead of "Try again".
      if (state.error.code === 'no_webauthn_support') return <MfaStatusLine error={strings.noUsableMethod} />;
      return (
        <MfaStatusLine error={strings.loadError}>
          <MfaButton variant="primary" autoFocus onClick={() => controller.retry()}>
            {strings.tryAgain}
          </MfaButton>
        </MfaStatusLine>
      );
  }
}
