/**
 * `checkStepUpAuth({ scope })`, Dynamic's recommended check: `isRequired: false` at once, with
 * no request, when a stored token already covers the scope; else the server decides (the
 * action the scope guards, or — for a scope no action maps to — whether the user has a
 * verified factor, the same rule the guards apply), with the credentials the user can step
 * up with and the one to suggest. Fails closed: any failure answers `isRequired: true`.
 */
import { ACTION_SCOPE, isTokenScope, type MFAAction, type MfaMethod, type TokenScope } from '../../protocol/index.js';
import type { MfaApi } from '../http/mfa-api.js';
import type { TokenStore } from './token-store.js';

export interface StepUpCredential {
  id: string;
  /** What kind of credential it is, as Dynamic's `format` names it. */
  format: 'totp' | 'passkey';
  type: Exclude<MfaMethod, 'recovery_code'>;
  /** A passkey's name. */
  alias?: string;
}

export interface StepUpCheckResult {
  isRequired: boolean;
  /** What the user can verify with; empty when no step-up is required. */
  credentials: StepUpCredential[];
  /** The default TOTP device, else the most recently added credential. */
  defaultCredentialId?: string;
}

const NOT_REQUIRED: StepUpCheckResult = { isRequired: false, credentials: [] };

function actionFor(scope: TokenScope): MFAAction | undefined {
  return (Object.keys(ACTION_SCOPE) as MFAAction[]).find((action) => ACTION_SCOPE[action] === scope);
}

export async function checkStepUpAuth(
  deps: { api: Pick<MfaApi, 'getMethods' | 'isActionRequired'>; tokens: Pick<TokenStore, 'coversScope'> },
  { scope }: { scope: TokenScope },
): Promise<StepUpCheckResult> {
  if (!isTokenScope(scope)) return { isRequired: true, credentials: [] };
  if (deps.tokens.coversScope(scope)) return NOT_REQUIRED;
  try {
    const action = actionFor(scope);
    const [methods, actionRequired] = await Promise.all([deps.api.getMethods(), action ? deps.api.isActionRequired(action) : Promise.resolve(undefined)]);
    if (!(actionRequired ?? methods.userHasVerifiedMfaMethods)) return NOT_REQUIRED;
    const dated = [
      ...methods.totpDevices.map((device) => ({ at: device.createdAt, credential: { id: device.id, format: 'totp', type: 'totp' } as StepUpCredential })),
      ...methods.passkeys.map((passkey) => ({
        at: passkey.createdAt,
        credential: { id: passkey.id, format: 'passkey', type: 'passkey', ...(passkey.name ? { alias: passkey.name } : {}) } as StepUpCredential,
      })),
    ];
    const newest = [...dated].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    const defaultId = methods.totpDevices.find((device) => device.isDefault)?.id ?? newest?.credential.id;
    return { isRequired: true, credentials: dated.map((entry) => entry.credential), ...(defaultId ? { defaultCredentialId: defaultId } : {}) };
  } catch {
    return { isRequired: true, credentials: [] };
  }
}
