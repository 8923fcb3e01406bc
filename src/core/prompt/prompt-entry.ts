/**
 * One prompt in the controller's queue, and what the flows (verification, enrollment) may
 * ask of the controller. Identical `promptMfaAuth` calls join one entry as several callers.
 */
import type { ActionBinding, MfaMethod, MfaMethodsResponse, TokenRequest, VerifyResponse } from '../../protocol/index.js';
import type { MfaError } from '../errors.js';
import type { MfaApi, MfaCallOptions } from '../http/mfa-api.js';
import type { MfaPromptRequest, MfaPromptState } from './prompt-state.js';
import type { SnapshotStore } from './snapshot-store.js';
import type { WebAuthnSeam } from '../passkey/webauthn-seam.js';

export interface PromptCaller {
  resolve(token: string): void;
  reject(error: MfaError): void;
  detach(): void;
}

export interface PromptEntry {
  key: string;
  request: MfaPromptRequest;
  binding?: ActionBinding;
  callers: PromptCaller[];
  promptId: number;
}

/** Puts a thrown error into the snapshot where the user is (`withError`, or `withPasskeyError` after a ceremony). */
export type DescribeError = (state: MfaPromptState, thrown: unknown, nowMs: number) => { state: MfaPromptState; error: MfaError };

export interface FlowContext {
  api: MfaApi;
  /** The user's methods as last loaded, if nothing changed them since. */
  cachedMethods(): MfaMethodsResponse | undefined;
  /** Loads them again in the background. */
  refreshMethods(): void;
  webauthn: WebAuthnSeam;
  store: SnapshotStore<MfaPromptState>;
  enabledMethods: readonly MfaMethod[];
  webAuthnSupported(): boolean;
  now(): number;
  /** Starts a new flow step; results of older ones are then ignored. Returns its generation. */
  begin(): number;
  isCurrent(generation: number): boolean;
  /** Aborts in-flight requests when the prompt ends. */
  call(): MfaCallOptions;
  tokenRequest(entry: PromptEntry): TokenRequest;
  base(entry: PromptEntry): { request: MfaPromptRequest; promptId: number };
  /** Runs a WebAuthn ceremony so that cancel() and method switches can abort it. */
  ceremony<T>(generation: number, run: () => Promise<T>): Promise<T>;
  showError(entry: PromptEntry, error: unknown, describe?: DescribeError): void;
  complete(entry: PromptEntry, method: MfaMethod, result: VerifyResponse): void;
}

/** What every verify call of `entry` asks the server for: its scopes, legacy token, action. */
export function tokenRequest(entry: PromptEntry): TokenRequest {
  const { requestedScopes, createMfaToken } = entry.request;
  return {
    ...(requestedScopes.length > 0 ? { requestedScopes } : {}),
    ...(createMfaToken ? { createMfaToken } : {}),
    ...(entry.binding ? { action: entry.binding } : {}),
    ...(entry.request.credentialId ? { credentialId: entry.request.credentialId } : {}),
  };
}
