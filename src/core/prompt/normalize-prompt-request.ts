/**
 * `promptMfaAuth(params)` as the controller works with it: defaults filled in, validated, the
 * action's digest computed (docs/architecture.md §10), and a key that is equal for identical requests
 * so they can share one modal and one result (§5).
 */
import { ACTION_SCOPE, isMfaAction, isTokenScope, unboundBesideAction, type ActionBinding, type MFAAction, type TokenScope } from '../../protocol/index.js';
import { MfaError } from '../errors.js';
import { loadOnce } from '../load-once.js';
import type { MfaPromptRequest } from './prompt-state.js';

/** What `promptMfaAuth` takes (Dynamic's documented shape, plus `action` and `signal`). */
export interface PromptMfaAuthParams {
  /** The scopes the elevated token must carry. Defaults to the action's scope when `action` is given. */
  requestedScopes?: TokenScope[];
  /** Deprecated: resolve with a legacy MFA token instead. `true` means `{ singleUse: true }`. */
  createMfaToken?: boolean | { singleUse: boolean };
  /** docs/architecture.md §10: bind the approval to one concrete request body, shown in plain words. */
  action?: { mfaAction: MFAAction; payload: unknown; summary?: string };
  /** With `requestedScopes: [TokenScope.Credentialunlink]`: the id of the device or passkey to remove (the approval is bound to it). */
  credentialId?: string;
  /** Aborting rejects this caller with MfaCancelledError. */
  signal?: AbortSignal;
}

/**
 * Throws (code `invalid_request`) for a prompt that binds an action and also asks for
 * something the action doesn't cover, and for a prompt that asks for nothing: no scopes, no
 * action and no legacy token. A token with no scope authorises nothing, so opening the modal for it would
 * only waste the user's time; failing loudly shows the developer the missing argument.
 *
 * Synchronous on purpose: a prompt without an action opens the modal in the same tick.
 */
export function normalizePromptRequest(params: PromptMfaAuthParams = {}): MfaPromptRequest {
  const { action } = params;
  if (action !== undefined && !isMfaAction(action.mfaAction)) {
    throw new MfaError('invalid_request', `Unknown mfaAction "${String(action.mfaAction)}".`);
  }
  const scopes = params.requestedScopes ?? (action ? [ACTION_SCOPE[action.mfaAction]] : []);
  const unknown = scopes.find((scope) => !isTokenScope(scope));
  if (unknown !== undefined) throw new MfaError('invalid_request', `Unknown scope "${String(unknown)}".`);
  const requestedScopes = [...new Set(scopes)].sort();
  const createMfaToken =
    params.createMfaToken === true ? { singleUse: true } : params.createMfaToken ? { singleUse: params.createMfaToken.singleUse } : undefined;
  const unbound = action && unboundBesideAction(action.mfaAction, { requestedScopes, legacyToken: Boolean(createMfaToken) });
  if (unbound) throw new MfaError('invalid_request', unbound);
  if (requestedScopes.length === 0 && !createMfaToken) {
    throw new MfaError('invalid_request', 'promptMfaAuth needs requestedScopes (e.g. [TokenScope.Walletexport]), an action, or createMfaToken.');
  }
  return {
    requestedScopes,
    ...(createMfaToken ? { createMfaToken } : {}),
    ...(action ? { action: { ...action } } : {}),
    ...(params.credentialId ? { credentialId: params.credentialId } : {}),
  };
}

// Only action-bound prompts compute a digest, and they wait for it anyway (WebCrypto is
// asynchronous): RFC 8785's canonical form loads with the first one, or when the provider mounts.
const digests = loadOnce(() => import('../../protocol/payload-digest.js'));

/** Starts fetching the payload digest; a failed fetch is tried again by the next call. */
export const preloadPayloadDigest = digests.load;

/** docs/architecture.md §10: the binding sent on every verify call of an action-bound prompt. */
export async function bindAction(action: NonNullable<MfaPromptRequest['action']>): Promise<ActionBinding> {
  let payloadDigest: (payload: unknown) => Promise<string>;
  try {
    ({ payloadDigest } = await digests.load());
  } catch (cause) {
    throw new MfaError('network_error', 'Could not load the code that binds the action to its payload.', { cause });
  }
  try {
    return { mfaAction: action.mfaAction, payloadDigest: await payloadDigest(action.payload) };
  } catch (cause) {
    throw new MfaError('invalid_request', 'The action payload must be JSON (RFC 8785 canonical form).', { cause });
  }
}

/**
 * Equal for requests that may share one modal and one result. Plain JSON.stringify is enough:
 * the object is built here, keys in one order, scopes already sorted and de-duplicated.
 */
export function promptKey(request: MfaPromptRequest, binding: ActionBinding | undefined): string {
  return JSON.stringify({
    scopes: request.requestedScopes,
    createMfaToken: request.createMfaToken ?? null,
    action: binding ? { mfaAction: binding.mfaAction, payloadDigest: binding.payloadDigest, summary: request.action?.summary ?? null } : null,
    credentialId: request.credentialId ?? null,
  });
}
