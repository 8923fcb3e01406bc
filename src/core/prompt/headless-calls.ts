/**
 * The controller's calls without the modal (docs/architecture.md §4): what the headless hooks
 * and the settings component use, so that they share the controller's WebAuthn seam, its token
 * store and its pending enrollment instead of being a second client. A TOTP device made by
 * `addTotpDevice` is verified through its own route until its first code, wherever that code
 * is submitted from.
 */
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type {
  ActionBinding,
  CreateTotpDeviceResponse,
  PasskeyRegistrationVerifyResponse,
  TokenRequest,
  TokenScope,
  VerifyResponse,
} from '../../protocol/index.js';
import { MfaCancelledError } from '../errors.js';
import type { MfaApi, MfaCallOptions } from '../http/mfa-api.js';
import { classifyPasskeyError } from '../passkey/passkey-error.js';
import { passkeyNameFor } from '../passkey/passkey-name.js';
import { simpleWebAuthnSeam, type WebAuthnSeam } from '../passkey/webauthn-seam.js';
import { guardCredentials, type GuardCredentialsOptions } from '../tokens/guard-credentials.js';
import type { TokenStore } from '../tokens/token-store.js';
import { bindAction, type PromptMfaAuthParams } from './normalize-prompt-request.js';
import type { PromptController } from './prompt-controller-api.js';

/** What a headless verification asks the server for, and how to cancel it. */
export interface HeadlessTokenRequest {
  requestedScopes?: TokenScope[];
  /** @deprecated Ask for `requestedScopes`. */
  createMfaToken?: boolean | { singleUse: boolean };
  /**
   * docs/architecture.md §10: bind the approval to one request body (the token covers only it):
   * the payload itself, or a binding whose digest the caller computed.
   */
  action?: NonNullable<PromptMfaAuthParams['action']> | ActionBinding;
  /** With `requestedScopes: ['credential:unlink']`: the one device or passkey the approval removes. */
  credentialId?: string;
  /** Aborting rejects with `MfaCancelledError` and cancels a passkey ceremony in progress. */
  signal?: AbortSignal;
}

export type HeadlessVerifyRequest = HeadlessTokenRequest &
  ({ method: 'totp'; code: string; deviceId?: string } | { method: 'recovery_code'; code: string } | { method: 'passkey' });

export interface HeadlessVerifyResult {
  result: VerifyResponse;
  /** The token asked for: the legacy MFA token if one was made, else the elevated token. */
  token: string | undefined;
}

export interface RegisterPasskeyParams {
  /** @default the authenticator's provider name (by AAGUID), else 'Passkey' */
  name?: string;
  requestedScopes?: TokenScope[];
  signal?: AbortSignal;
}

export interface HeadlessCalls {
  /** Verifies with one method, stores what it earned, and resolves with the server's answer. */
  verify(request: HeadlessVerifyRequest): Promise<HeadlessVerifyResult>;
  /** Creates a passkey with the controller's WebAuthn seam (sends the stored `credential:link` token). */
  registerPasskey(params?: RegisterPasskeyParams): Promise<PasskeyRegistrationVerifyResponse>;
  /** A new, unverified TOTP device; the next TOTP `verify` without another `deviceId` confirms it. */
  addTotpDevice(options?: { signal?: AbortSignal }): Promise<CreateTotpDeviceResponse>;
  /** The credentials a guarded call sends for `scope`: the elevated token, else the legacy one. */
  credentialsFor(scope: TokenScope, options?: GuardCredentialsOptions): MfaCallOptions;
  /** The recovery codes the first verified method returned (the server never shows them again). */
  shownRecoveryCodes(): readonly string[];
  /** The user saved the codes: tells the server and forgets them here. */
  acknowledgeShownRecoveryCodes(options?: { signal?: AbortSignal }): Promise<void>;
}

export interface HeadlessDeps {
  api: MfaApi;
  tokens: TokenStore;
  webauthn: WebAuthnSeam;
}

const attached = new WeakMap<PromptController, HeadlessCalls>();

/**
 * The headless calls of one controller, made the first time a hook (or a UI that is not React)
 * asks, and forgotten with its session. They are not built into the controller: the prompt path
 * alone never uses them, and so does not ship them.
 */
export function headlessCallsOf(controller: PromptController): HeadlessCalls {
  let calls = attached.get(controller);
  if (!calls) {
    const { forget, ...made } = createHeadlessCalls(controller);
    controller.onForget(forget);
    calls = made;
    attached.set(controller, calls);
  }
  return calls;
}

/** The headless calls, plus `forget()` for when the session changes. */
export function createHeadlessCalls({ api, tokens, webauthn }: HeadlessDeps): HeadlessCalls & { forget(): void } {
  let pendingTotpDeviceId: string | undefined;
  let recoveryCodes: readonly string[] = [];

  const cancelled = (signal: AbortSignal) => new MfaCancelledError({ message: 'The MFA request was aborted by its caller.', cause: signal.reason });

  /** Runs a WebAuthn ceremony that the caller's signal can abort (the modal's ceremonies abort on close). */
  async function ceremony<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw cancelled(signal);
    const abort = () => (webauthn.cancelCeremony ?? simpleWebAuthnSeam.cancelCeremony)?.call(webauthn);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await run();
    } catch (error) {
      // The same errors the modal's passkey step shows (cancelled, unsupported, already registered).
      throw classifyPasskeyError(error).error;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Stores what a verification earned, bound to its action as a prompt's token is. */
  function save(result: VerifyResponse & { recoveryCodes?: string[] }, binding: ActionBinding | undefined): HeadlessVerifyResult {
    if (result.elevatedAccessToken) tokens.saveElevatedToken(result.elevatedAccessToken, binding ? { action: binding } : {});
    if (result.mfaToken) tokens.saveMfaToken(result.mfaToken);
    if (result.recoveryCodes?.length) recoveryCodes = result.recoveryCodes;
    return { result, token: result.mfaToken?.token ?? result.elevatedAccessToken?.token };
  }

  async function tokenRequest(request: HeadlessTokenRequest): Promise<{ body: TokenRequest; binding?: ActionBinding }> {
    const { action } = request;
    const binding = action ? ('payloadDigest' in action ? action : await bindAction(action)) : undefined;
    const body: TokenRequest = {
      ...(request.requestedScopes ? { requestedScopes: request.requestedScopes } : {}),
      ...(request.createMfaToken ? { createMfaToken: request.createMfaToken } : {}),
      ...(binding ? { action: binding } : {}),
      ...(request.credentialId ? { credentialId: request.credentialId } : {}),
    };
    return binding ? { body, binding } : { body };
  }

  const callOptions = (signal: AbortSignal | undefined): MfaCallOptions => (signal ? { signal } : {});

  async function verifyWith(request: HeadlessVerifyRequest, body: TokenRequest): Promise<VerifyResponse> {
    const call = callOptions(request.signal);
    if (request.method === 'totp') {
      const pending = pendingTotpDeviceId;
      if (pending && (request.deviceId === undefined || request.deviceId === pending)) {
        const result = await api.verifyTotpDevice(pending, { code: request.code, ...body }, call);
        pendingTotpDeviceId = undefined;
        return result;
      }
      return api.verifyTotp({ code: request.code, ...(request.deviceId ? { deviceId: request.deviceId } : {}), ...body }, call);
    }
    if (request.method === 'recovery_code') return api.verifyRecoveryCode({ code: request.code, ...body }, call);
    // docs/architecture.md §10: the challenge commits to the action's digest, as in the modal.
    const optionsJSON = await api.passkeyAuthenticationOptions(body.action ? { action: body.action } : {}, call);
    const response = await ceremony(request.signal, () =>
      webauthn.startAuthentication({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialRequestOptionsJSON }),
    );
    return api.verifyPasskeyAuthentication({ response: response, ...body }, call);
  }

  return {
    async verify(request) {
      const { body, binding } = await tokenRequest(request);
      return save(await verifyWith(request, body), binding);
    },

    async registerPasskey(params = {}) {
      const { signal } = params;
      const link = guardCredentials(tokens, 'credential:link', { legacyFallback: false });
      const optionsJSON = await api.passkeyRegistrationOptions({ ...link, ...callOptions(signal) });
      const response = await ceremony(signal, () =>
        webauthn.startRegistration({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialCreationOptionsJSON }),
      );
      const result = await api.verifyPasskeyRegistration(
        {
          response: response,
          // Named by the caller, or else by the authenticator's AAGUID where it is a known provider.
          name: params.name ?? passkeyNameFor(response) ?? 'Passkey',
          ...(params.requestedScopes ? { requestedScopes: params.requestedScopes } : {}),
        },
        callOptions(signal),
      );
      save(result, undefined);
      return result;
    },

    async addTotpDevice(options = {}) {
      const link = guardCredentials(tokens, 'credential:link', { legacyFallback: false });
      const device = await api.createTotpDevice({ ...link, ...callOptions(options.signal) });
      pendingTotpDeviceId = device.id;
      return device;
    },

    credentialsFor: (scope, options) => guardCredentials(tokens, scope, options),
    shownRecoveryCodes: () => recoveryCodes,

    async acknowledgeShownRecoveryCodes(options = {}) {
      await api.acknowledgeRecoveryCodes(callOptions(options.signal));
      recoveryCodes = [];
    },

    forget() {
      pendingTotpDeviceId = undefined;
      recoveryCodes = [];
    },
  };
}
