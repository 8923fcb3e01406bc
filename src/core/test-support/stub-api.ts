/**
 * Stubs at the controller's two seams (MfaApi and WebAuthn), for core tests: the shared stub
 * API with each route a vi.fn (tests override one with mockImplementation), and a WebAuthn
 * seam whose ceremonies the test settles.
 */
import { vi, type Mock } from 'vitest';
import { createStubApi, methodsResponse, type Spy } from '../../../test/fixtures-shared.js';
import type { MfaMethodsResponse } from '../../protocol/index.js';
import type { MfaApi } from '../http/mfa-api.js';
import type { WebAuthnSeam } from '../passkey/webauthn-seam.js';

export { FAR_FUTURE, PASSKEY, methodsResponse, verifyResponse } from '../../../test/fixtures-shared.js';

export type StubApi = { [K in keyof MfaApi]: Mock<MfaApi[K]> };

const spy: Spy = (route) => vi.fn(route) as unknown as typeof route;

/** The shared stub, every route a `vi.fn` that tests can inspect and override. */
export function stubApi(methods: MfaMethodsResponse = methodsResponse()): StubApi {
  return createStubApi(methods, {}, { spy }) as unknown as StubApi;
}

/** A WebAuthn seam whose ceremonies wait until the test settles them, like a real dialog. */
export function stubWebAuthn(supported = true) {
  let settle: { resolve: (value: never) => void; reject: (error: Error) => void } | undefined;
  const pending = () =>
    new Promise<never>((resolve, reject) => {
      settle = { resolve, reject };
    });
  const seam = {
    startAuthentication: vi.fn(pending),
    startRegistration: vi.fn(pending),
    isSupported: vi.fn(() => supported),
    // Like WebAuthnAbortService: the pending navigator.credentials call rejects with AbortError.
    cancelCeremony: vi.fn(() => settle?.reject(domError('AbortError'))),
  } satisfies WebAuthnSeam;
  return {
    seam,
    succeed: (response: object = { id: 'cred', response: {} }) => settle?.resolve(response as never),
    failWith: (name: string) => settle?.reject(domError(name)),
  };
}

export function domError(name: string): Error {
  const error = new Error(`${name} from the browser`);
  error.name = name;
  return error;
}

/** Lets pending promise callbacks run (the stubs answer asynchronously). */
export async function flush(times = 10): Promise<void> {
  for (let i = 0; i < times; i += 1) await Promise.resolve();
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
