/** A small HTTP client for the server child: JSON calls, demo sessions, enrollment, step-up. */
import { createSoftwareAuthenticator, totpCode, type SoftwareAuthenticator } from 'mfa-kit/testing';
import { callServer, type CallOptions, type CallResult } from '../test/server-harness.js';
import { BENCH_ORIGIN, BENCH_RP_ID } from './constants.js';

export type { CallOptions, CallResult };

export interface Session {
  token: string;
  userId: string;
  name: string;
}

export interface TotpUser {
  session: Session;
  deviceId: string;
  secret: string;
  recoveryCodes: string[];
}

export function authenticator(): SoftwareAuthenticator {
  return createSoftwareAuthenticator({ rpId: BENCH_RP_ID, origin: BENCH_ORIGIN });
}

export class BenchClient {
  constructor(readonly url: string) {}

  call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    return callServer<T>(this.url, method, path, options);
  }

  async session(name: string): Promise<Session> {
    const { status, body } = await this.call('POST', '/demo/session', { body: { name } });
    if (status !== 201) throw new Error(`session: ${status} ${JSON.stringify(body)}`);
    return { token: body.sessionToken, userId: body.userId, name };
  }

  /** Creates and verifies a TOTP device with the code of `clockMs` shifted by `stepOffset`. */
  async enrollTotp(name: string, clockMs: number, stepOffset = 0): Promise<TotpUser> {
    const session = await this.session(name);
    const created = await this.call('POST', '/mfa/totp/devices', { session, body: {} });
    if (created.status !== 201) throw new Error(`enroll: ${created.status} ${created.text}`);
    const { id, secret } = created.body as { id: string; secret: string };
    const verified = await this.call('POST', `/mfa/totp/devices/${id}/verify`, {
      session,
      body: { code: totpCode(secret, { now: clockMs, stepOffset }) },
    });
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.text}`);
    return { session, deviceId: id, secret, recoveryCodes: verified.body.recoveryCodes as string[] };
  }

  /**
   * A user with a verified TOTP device put straight into the server child's store (setup
   * only: no recovery codes, so no scrypt). Verifies like an enrolled device.
   */
  async seedTotp(name: string): Promise<TotpUser> {
    const session = await this.session(name);
    const seeded = await this.call('POST', '/bench/seed-totp', { body: { userId: session.userId } });
    if (seeded.status !== 200) throw new Error(`seed: ${seeded.status} ${seeded.text}`);
    return { session, deviceId: seeded.body.id as string, secret: seeded.body.secret as string, recoveryCodes: [] };
  }

  /** A TOTP verification; returns the whole answer. */
  totpVerify(user: TotpUser, code: string, extra: Record<string, unknown> = {}) {
    return this.call('POST', '/mfa/totp/verify', { session: user.session, body: { code, ...extra } });
  }

  async registerPasskey(session: Session, auth = authenticator()) {
    const options = await this.call('POST', '/mfa/passkeys/registration/options', { session, body: {} });
    if (options.status !== 200) throw new Error(`reg options: ${options.status} ${options.text}`);
    const response = auth.createCredential(options.body);
    const verified = await this.call('POST', '/mfa/passkeys/registration/verify', { session, body: { response } });
    if (verified.status !== 201) throw new Error(`reg verify: ${verified.status} ${verified.text}`);
    return { authenticator: auth, passkeyId: verified.body.passkey.id as string, recoveryCodes: verified.body.recoveryCodes as string[] };
  }

  /** options → assertion → verify; returns the verify answer. */
  async passkeyAuthenticate(session: Session, auth: SoftwareAuthenticator, body: Record<string, unknown> = {}) {
    const options = await this.call('POST', '/mfa/passkeys/authentication/options', { session, body: {} });
    if (options.status !== 200) return options;
    const response = auth.getAssertion(options.body);
    return this.call('POST', '/mfa/passkeys/authentication/verify', { session, body: { response, ...body } });
  }
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
