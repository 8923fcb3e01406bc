'use client';
/**
 * The method-agnostic modal: renders the prompt controller's snapshot and calls its flow
 * methods. Esc, the backdrop and the close button all go through `controller.cancel()`,
 * which rejects the pending prompt with `MfaCancelledError` (or, when the user leaves
 * recovery codes unsaved, with `mfa_recovery_codes_unsaved`).
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MfaPromptState } from '../../core/prompt/prompt-state.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { useMfaPromptState } from '../use-mfa-prompt-state.js';
import { MfaLazyActionSummary } from '../summaries/lazy-action-summary.js';
import { MfaLazyConfirmDiscard } from './lazy-confirm-discard.js';
import { discardRisk, isGuarded } from './discard-guard.js';
import { MfaApprovalBox } from './approval-box.js';
import { MfaButton, MfaModalBody, MfaModalClose, MfaModalContent, MfaModalDescription, MfaModalTitle, MfaSpinner, MfaStatusLine } from './mfa-modal-parts.js';
import { MfaLazyChooseMethodStep, MfaLazyPasskeyStep } from './lazy-passkey-steps.js';
import { promptContext, stepDescription, stepHeading } from './prompt-title.js';
import { MfaLazyRecoveryStep, preloadRecoveryStep } from './lazy-recovery-step.js';
import { MfaTotpStep } from './totp-step.js';

// A verified user's step-up never enrolls: enrollment (its QR encoder, the recovery-code
// sheet, passkey registration's screens) loads only when a prompt needs it.
const MfaEnrollmentStep = lazy(() => import('../enrollment/enrollment-step.js').then((module) => ({ default: module.MfaEnrollmentStep })));

type OpenState = Exclude<MfaPromptState, { step: 'closed' }>;

// The provider renders this on the server too, where a layout effect only earns a warning (React 18).
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function MfaModal() {
  const { controller, strings, theme, methods } = useMfaKit('MfaModal');
  const state = useMfaPromptState();
  const open = state.step !== 'closed';
  // Fetched while the user reads the step, so "Use a recovery code" seldom waits for it.
  const offersRecovery = methods.includes('recovery_code');
  useEffect(() => {
    if (open && offersRecovery) void preloadRecoveryStep().catch(() => undefined);
  }, [open, offersRecovery]);
  const [confirming, setConfirming] = useState(false);
  const risk = discardRisk(state);
  // The step moved on (codes acknowledged, next prompt): nothing is left to ask about.
  if (confirming && !risk) setConfirming(false);

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

  const body = useRef<HTMLDivElement>(null);
  const stay = () => {
    setConfirming(false);
    // Back where the user was: the first control of the step they kept.
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus());
  };

  if (state.step === 'closed') return null;
  const description = stepDescription(state, strings);
  return (
    <MfaModalContent
      // One dialog per prompt: a queued prompt opens its own.
      key={state.promptId}
      theme={theme}
      // The modal speaks the provider's language even when the page speaks another.
      lang={strings.locale}
      step={state.step}
      data-stage={state.step === 'enrolling' ? state.enrollment.stage : undefined}
      data-confirming={confirming ? '' : undefined}
      busy={isBusy(state)}
      // A step whose heading says it all has no description to point to.
      {...(description ? {} : { 'aria-describedby': undefined })}
      onDismiss={controller.cancel}
      guarded={isGuarded(state)}
      // Esc while already asking means "no, stay".
      onGuardedDismiss={() => (risk ? (confirming ? stay() : setConfirming(true)) : controller.cancel())}
    >
      <MfaModalTitle context={promptContext(state.request, strings)}>{stepHeading(state, strings)}</MfaModalTitle>
      {/* The step waits for the summary: nothing is approved before it is shown. */}
      <Suspense fallback={<MfaPendingSummary description={description} />}>
        {state.request.action ? (
          <MfaApprovalBox>
            <MfaLazyActionSummary action={state.request.action} />
          </MfaApprovalBox>
        ) : null}
        {description ? <MfaModalDescription>{description}</MfaModalDescription> : null}
        {confirming && risk ? <MfaLazyConfirmDiscard risk={risk} onStay={stay} onLeave={controller.cancel} /> : null}
        {/* Kept mounted while asking: staying must find the codes, the ticked box and the typed digits as they were. */}
        <div ref={body} hidden={confirming} className="mfa-body-wrap">
          <MfaModalBody>
            <MfaStepView state={state} />
          </MfaModalBody>
        </div>
      </Suspense>
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

/** While the action summary is on its way: the spinner where the step will be. */
function MfaPendingSummary({ description }: { description: string | undefined }) {
  return (
    <>
      {description ? <MfaModalDescription>{description}</MfaModalDescription> : null}
      <MfaModalBody>
        <MfaLoading />
      </MfaModalBody>
    </>
  );
}

/** The spinner alone: the heading above already says "Loading…", once. */
function MfaLoading() {
  return (
    <div className="mfa-center">
      <MfaSpinner />
    </div>
  );
}

/** The body for one step; `key` on the prompt id so a queued prompt starts fresh. */
export function MfaStepView({ state }: { state: OpenState }) {
  const { controller, strings } = useMfaKit('MfaStepView');
  switch (state.step) {
    case 'loading':
      return <MfaLoading />;
    case 'choosing':
      return (
        <Suspense fallback={<MfaLoading />}>
          <MfaLazyChooseMethodStep key={state.promptId} available={state.available} lastUsed={state.lastUsed} />
        </Suspense>
      );
    case 'totp':
      return <MfaTotpStep key={state.promptId} available={state.available} status={state.status} />;
    case 'passkey':
      return (
        <Suspense fallback={<MfaLoading />}>
          <MfaLazyPasskeyStep key={state.promptId} available={state.available} status={state.status} />
        </Suspense>
      );
    case 'recovery':
      return (
        <Suspense fallback={<MfaLoading />}>
          <MfaLazyRecoveryStep key={state.promptId} available={state.available} status={state.status} />
        </Suspense>
      );
    case 'enrolling':
      return (
        <Suspense fallback={<MfaLoading />}>
          <MfaEnrollmentStep key={state.promptId} enrollment={state.enrollment} />
        </Suspense>
      );
    case 'success':
      return (
        <div className="mfa-center mfa-success">
          <span className="mfa-success-check">
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
              <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
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
