/**
 * Test harness: a REAL listening server on port 0 (loopback) on a REAL SQLite file in a temp
 * folder, with an injectable clock so nothing sleeps. It is the demo's server: the kit's
 * routes plus the demo session and wallet routes, which give the tests guarded routes to attack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveMfaServer, type RunningMfaServer, type StartMfaServerOptions } from 'mfa-kit/server';
import { createSoftwareAuthenticator, totpCode } from 'mfa-kit/testing';
import { createDemoServer, type DemoServerOptions } from '../demo/server/create-demo-server.js';

/** A step boundary plus 10 s, so ±1-step arithmetic in tests is unambiguous. */
export const T0 = Date.UTC(2026, 10, 27, 12, 0, 0) + 10_000;
export const RP_ID = 'localhost';
export const ORIGIN = 'http://localhost:5173';
/** The harness server's `iss` and `aud`: by default its origin, as a resource server must be told. */
export const DEPLOYMENT = { issuer: ORIGIN, audience: ORIGIN } as const;

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export interface CallResult<T = any> {
  status: number;
  /** The parsed JSON answer, or its text when it is not JSON. */
  body: T;
  text: string;
  headers: Headers;
}

/** One request to a running server, as the tests (and the benchmarks) make it. */
export async function callServer<T = any>(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) headers.authorization = `Bearer ${options.session.token}`;
  if (options.elevated) headers['x-elevated-access-token'] = options.elevated;
  if (options.mfaToken) headers['x-mfa-token'] = options.mfaToken;
  let body: string | undefined = options.raw;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

export interface TestSession {
  token: string;
  userId: string;
  name: string;
}

export interface CallOptions {
  session?: Pick<TestSession, 'token'>;
  body?: unknown;
  /** Raw text body (overrides `body`). */
  raw?: string;
  elevated?: string;
  mfaToken?: string;
  headers?: Record<string, string>;
}

/** The server's options and the demo's own (its session lifetime). */
export type HarnessOptions = Partial<StartMfaServerOptions> & Pick<DemoServerOptions, 'sessionTtlSeconds'>;

export class TestServer {
  running!: RunningMfaServer;
  constructor(
    readonly dataDir: string,
    readonly clock: TestClock,
    private options: HarnessOptions,
  ) {}

  get url(): string {
    return this.running.url;
  }

  async start(): Promise<this> {
    const { port = 0, hostname = '127.0.0.1', ...options } = this.options;
    const server = await createDemoServer({
      dataDir: this.dataDir,
      rpId: RP_ID,
      rpName: 'mfa-kit test',
      expectedOrigins: [ORIGIN],
      now: () => this.clock.now(),
      logger: () => {},
      ...options,
    });
    this.running = await serveMfaServer(server, { port, hostname });
    return this;
  }

  /** Stops and starts again on the same data folder, with `changes` over the options it had. */
  async restart(changes: HarnessOptions = {}): Promise<void> {
    await this.running.close();
    this.options = { ...this.options, ...changes };
    await this.start();
  }

  async stop(removeData = true): Promise<void> {
    await this.running.close();
    if (removeData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    return callServer<T>(this.url, method, path, options);
  }

  async session(name: string): Promise<TestSession> {
    const { status, body } = await this.call('POST', '/demo/session', { body: { name } });
    if (status !== 201) throw new Error(`session: ${status} ${JSON.stringify(body)}`);
    return { token: body.sessionToken, userId: body.userId, name };
  }

  /** Enrolls and verifies a TOTP device; moves the clock one step on so the next code is fresh. */
  async enrollTotp(session: TestSession, verifyBody: Record<string, unknown> = {}, elevated?: string) {
    const created = await this.call('POST', '/mfa/totp/devices', { session, body: {}, ...(elevated ? { elevated } : {}) });
    if (created.status !== 201) throw new Error(`enroll: ${created.status} ${JSON.stringify(created.body)}`);
    const { id, secret } = created.body as { id: string; secret: string };
    const verified = await this.call('POST', `/mfa/totp/devices/${id}/verify`, {
      session,
      body: { code: totpCode(secret, { now: this.clock.now() }), ...verifyBody },
    });
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
    this.clock.advance(30_000);
    return { deviceId: id, secret, verified: verified.body, recoveryCodes: verified.body.recoveryCodes as string[] | undefined };
  }

  /** A fresh TOTP code for the device, then one step on so the next call gets a new one. */
  code(secret: string): string {
    const code = totpCode(secret, { now: this.clock.now() });
    this.clock.advance(30_000);
    return code;
  }

  /** Gets an elevated token through TOTP. */
  async elevate(session: TestSession, secret: string, body: Record<string, unknown>): Promise<string> {
    const result = await this.call('POST', '/mfa/totp/verify', { session, body: { code: this.code(secret), ...body } });
    if (result.status !== 200) throw new Error(`elevate: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.elevatedAccessToken.token as string;
  }

  authenticator() {
    return createSoftwareAuthenticator({ rpId: RP_ID, origin: ORIGIN });
  }

  /** Registers a passkey with a software authenticator. */
  async registerPasskey(session: TestSession, authenticator = this.authenticator(), extra: Record<string, unknown> = {}, elevated?: string) {
    const options = await this.call('POST', '/mfa/passkeys/registration/options', { session, body: {}, ...(elevated ? { elevated } : {}) });
    if (options.status !== 200) throw new Error(`reg options: ${options.status} ${JSON.stringify(options.body)}`);
    const response = authenticator.createCredential(options.body);
    const verified = await this.call('POST', '/mfa/passkeys/registration/verify', { session, body: { response, ...extra } });
    if (verified.status !== 201) throw new Error(`reg verify: ${verified.status} ${JSON.stringify(verified.body)}`);
    return { authenticator, verified: verified.body };
  }
}

export function createClock(start = T0): TestClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export async function startTestServer(options: HarnessOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mfa-kit-test-'));
  return new TestServer(dataDir, createClock(), options).start();
}

/** Fires `count` copies of a request at once and tallies the statuses. */
export async function concurrently(count: number, run: () => Promise<CallResult>): Promise<Map<number, number>> {
  const results = await Promise.all(Array.from({ length: count }, run));
  const tally = new Map<number, number>();
  for (const { status } of results) tally.set(status, (tally.get(status) ?? 0) + 1);
  return tally;
}
