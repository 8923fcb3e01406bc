/**
 * The words at the top of the modal. The heading is the step ("Enter your authenticator code");
 * the context line says what is being protected ("To export your private key"), from the action
 * or else the first scope; the description under them says how.
 */
import type { MfaPromptRequest, MfaPromptState } from '../../core/prompt/prompt-state.js';
import { ACTION_SCOPE, MFAAction } from '../../protocol/index.js';
import type { MfaPromptStrings } from '../strings/types.js';

export function promptContext(request: MfaPromptRequest, strings: MfaPromptStrings): string {
  // A refresh is also a delegation: only its empty payload says it is a claim.
  if (describesClaim(request.action)) return strings.title.claim;
  const scope = request.action ? ACTION_SCOPE[request.action.mfaAction] : request.requestedScopes[0];
  return (scope && strings.title.scope[scope]) || strings.title.default;
}

type OpenState = Exclude<MfaPromptState, { step: 'closed' }>;

/** The heading: what the step asks the user to do. */
export function stepHeading(state: OpenState, strings: MfaPromptStrings): string {
  switch (state.step) {
    case 'loading':
      return strings.loading;
    case 'choosing':
      return strings.heading.choosing;
    case 'totp':
      return strings.heading.totp;
    case 'passkey':
      return strings.heading.passkey;
    case 'recovery':
      return strings.heading.recovery;
    case 'enrolling':
      return state.enrollment.stage === 'recovery-codes' ? strings.recoveryCodes.title : strings.enroll.title;
    case 'success':
      return strings.success;
    case 'error':
      return strings.heading.error;
  }
}

/** The line under the heading, where the heading alone does not say enough (never a repeat of it). */
export function stepDescription(state: OpenState, strings: MfaPromptStrings): string | undefined {
  switch (state.step) {
    case 'loading':
    case 'choosing':
      return undefined;
    case 'totp':
      return strings.totp.description;
    case 'passkey':
      return strings.passkey.description;
    case 'recovery':
      return strings.recovery.description;
    case 'enrolling':
      // The recovery codes explain themselves in the sheet under the heading.
      return state.enrollment.stage === 'recovery-codes' ? undefined : strings.enroll.description;
    case 'success':
      return strings.successDetail;
    case 'error':
      return state.error.code === 'no_webauthn_support' ? strings.noUsableMethod : strings.loadError;
  }
}

function describesClaim(action: MfaPromptRequest['action']): boolean {
  const payload = action?.payload;
  return (
    action?.mfaAction === MFAAction.WalletWaasRefresh &&
    typeof payload === 'object' &&
    payload !== null &&
    !Array.isArray(payload) &&
    Object.keys(payload).length === 0
  );
}
