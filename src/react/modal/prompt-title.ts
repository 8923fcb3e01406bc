/** The title says what is being protected, from the action or else the first scope. */
import type { MfaPromptRequest, MfaPromptState } from '../../core/prompt-state.js';
import { ACTION_SCOPE, MFAAction } from '../../protocol/index.js';
import type { MfaStrings } from '../strings/types.js';

export function promptTitle(request: MfaPromptRequest, strings: MfaStrings): string {
  // A refresh is also a delegation: only its empty payload says it is a claim.
  if (describesClaim(request.action)) return strings.title.claim;
  const scope = request.action ? ACTION_SCOPE[request.action.mfaAction] : request.requestedScopes[0];
  return (scope && strings.title.scope[scope]) || strings.title.default;
}

/** The line under the title: what the step asks for. */
export function stepDescription(state: Exclude<MfaPromptState, { step: 'closed' }>, strings: MfaStrings): string {
  switch (state.step) {
    case 'loading':
      return strings.loading;
    case 'choosing':
      return strings.chooseMethod.description;
    case 'totp':
      return strings.totp.description;
    case 'passkey':
      return strings.passkey.description;
    case 'recovery':
      return strings.recovery.description;
    case 'enrolling':
      return state.enrollment.stage === 'recovery-codes' ? strings.recoveryCodes.title : strings.enroll.description;
    case 'success':
      return strings.successDetail;
    case 'error':
      return state.error.code === 'no_webauthn_support' ? strings.noUsableMethod : strings.loadError;
  }
}

function describesClaim(action: MfaPromptRequest['action']): boolean {
  const payload = action?.payload;
  return action?.mfaAction === MFAAction.WalletWaasRefresh && typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.keys(payload).length === 0;
}
