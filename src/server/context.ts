import type { SecretBox } from './crypto/secret-box.js';
import type { MfaLogger } from './http/error-handler.js';
import type { MfaActionPolicy, MfaPrincipal, MfaServerOptions } from './options.js';
import type { MFAAction } from '../protocol/index.js';
import type { LockoutPolicy, MfaStore } from './store/mfa-store.js';
import type { SigningKeys } from './tokens/signing-keys.js';
import type { ClientInfo, SecurityEventNotice } from './security-events.js';

export interface ResolvedMfaConfig {
  rpId: string;
  rpName: string;
  expectedOrigins: string[];
  expectedTopOrigins: string[];
  issuer: string;
  audience: string;
  policy: Record<MFAAction, Required<MfaActionPolicy>>;
  lockout: LockoutPolicy;
  allowLegacyMfaToken: boolean;
  allowRemovingLastFactor: boolean;
}

/** Everything a route or guard needs, built once by `createMfaServer`. */
export interface MfaServerContext {
  config: ResolvedMfaConfig;
  store: MfaStore;
  secrets: SecretBox;
  keys: SigningKeys;
  now: () => number;
  authenticate: NonNullable<MfaServerOptions['authenticate']>;
  log: MfaLogger;
  getClientInfo: (request: Request) => ClientInfo | Promise<ClientInfo>;
  onSecurityEvent?: (event: SecurityEventNotice) => void | Promise<void>;
}

/** Hono variables set on every request of an mfa-kit app. */
export interface MfaEnv {
  Variables: {
    mfa: MfaServerContext;
    mfaPrincipal: MfaPrincipal;
  };
}
