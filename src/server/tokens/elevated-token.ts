import type { ActionBinding, ElevatedAccessTokenGrant, MFAAction, TokenScope } from '../../protocol/index.js';
import type { MfaServerContext } from '../context.js';
import type { MfaPrincipal } from '../options.js';
import { newTimeOrderedId } from '../crypto/random.js';
import { tokenPolicyForScopes } from '../policy.js';

/** RFC 8176 authentication method references. */
export type Amr = 'otp' | 'hwk' | 'user';

/** RFC 9396 authorization details: what one action-bound token approves (docs/architecture.md §10). */
export interface ActionAuthorizationDetail {
  type: MFAAction;
  payload_digest: string;
}
/** RFC 9396 authorization details of an unlink approval: the one factor it removes. */
export interface CredentialAuthorizationDetail {
  type: 'credential:unlink';
  credential_id: string;
}

/** The claims of an elevated access token (docs/architecture.md §7). */
export interface ElevatedAccessClaims {
  iss: string;
  aud: string;
  sub: string;
  /** The app session the token was issued to. */
  sid: string;
  /** Space-separated scopes (RFC 8693 §4.2 / RFC 9068 style). */
  scope: string;
  amr: Amr[];
  auth_time: number;
  iat: number;
  exp: number;
  jti: string;
  /** Consumed by its first use at a guard. */
  single_use: boolean;
  authorization_details?: Array<ActionAuthorizationDetail | CredentialAuthorizationDetail>;
}

export interface IssueElevatedTokenInput {
  principal: MfaPrincipal;
  scopes: TokenScope[];
  amr: Amr[];
  action?: ActionBinding | undefined;
  /** Binds a `credential:unlink` approval to this factor. */
  credentialId?: string | undefined;
}

/** Signs an ES256 elevated token carrying exactly `scopes`, with the `kid` of the JWKS key. */
export async function issueElevatedToken(ctx: MfaServerContext, input: IssueElevatedTokenInput): Promise<ElevatedAccessTokenGrant> {
  const policy = tokenPolicyForScopes(ctx.config, input.scopes);
  const { ttlSeconds } = policy;
  // A bound approval is for one request: spending it once is the point.
  const singleUse = policy.singleUse || input.credentialId !== undefined;
  const details: ElevatedAccessClaims['authorization_details'] = input.action
    ? [{ type: input.action.mfaAction, payload_digest: input.action.payloadDigest }]
    : input.credentialId !== undefined
      ? [{ type: 'credential:unlink', credential_id: input.credentialId }]
      : undefined;
  const nowMs = ctx.now();
  const nowSeconds = Math.floor(nowMs / 1000);
  const exp = nowSeconds + ttlSeconds;
  const claims: ElevatedAccessClaims = {
    iss: ctx.config.issuer,
    aud: ctx.config.audience,
    sub: input.principal.userId,
    sid: input.principal.sessionId,
    scope: input.scopes.join(' '),
    amr: input.amr,
    auth_time: nowSeconds,
    iat: nowSeconds,
    exp,
    // A UUIDv7: 74 random bits after the millisecond, so the used-jti table grows at its end.
    jti: newTimeOrderedId(nowMs),
    single_use: singleUse,
    ...(details ? { authorization_details: details } : {}),
  };
  // Synchronous node:crypto ES256 with the key imported at start, low S (signing-keys.ts).
  const token = ctx.keys.sign(claims);
  return { token, scopes: input.scopes, expiresAt: new Date(exp * 1000).toISOString(), singleUse };
}
