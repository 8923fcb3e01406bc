/**
 * The enums of the wire protocol (docs/architecture.md §3). Member names follow the documented API of
 * Dynamic's React SDK, odd casing included, so apps written against it move over by changing
 * import paths. The string values are wire values: never change one.
 *
 * They are `as const` objects rather than TypeScript `enum`s so they survive
 * `isolatedModules`/type-stripping builds and tree-shake like plain data.
 */

export const MFAAction = {
  /** Exporting an MPC wallet's private key. */
  WalletWaasExport: 'wallet.waas.export',
  /** A wallet is delegated, or a pregenerated wallet is claimed. */
  WalletWaasRefresh: 'wallet.waas.refresh',
  /** Any signature: message, transaction, typed data, authorization. */
  WalletWaasSign: 'wallet.waas.sign',
  /** Delegated access is approved or revoked. */
  WalletWaasReshare: 'wallet.waas.reshare',
  UserUpdate: 'user.update',
} as const;
export type MFAAction = (typeof MFAAction)[keyof typeof MFAAction];

export const TokenScope = {
  Walletexport: 'wallet:export',
  Walletsign: 'wallet:sign',
  Walletrefresh: 'wallet:refresh',
  Walletreshare: 'wallet:reshare',
  Walletdelegate: 'wallet:delegate',
  Credentiallink: 'credential:link',
  Credentialunlink: 'credential:unlink',
  Credentialupdate: 'credential:update',
  Userupdate: 'user:update',
} as const;
export type TokenScope = (typeof TokenScope)[keyof typeof TokenScope];

export const MfaMethod = {
  Totp: 'totp',
  Passkey: 'passkey',
  RecoveryCode: 'recovery_code',
} as const;
export type MfaMethod = (typeof MfaMethod)[keyof typeof MfaMethod];

/** The scope an elevated token needs to perform each action (docs/architecture.md §3). */
export const ACTION_SCOPE: Readonly<Record<MFAAction, TokenScope>> = {
  [MFAAction.WalletWaasExport]: TokenScope.Walletexport,
  [MFAAction.WalletWaasSign]: TokenScope.Walletsign,
  [MFAAction.WalletWaasRefresh]: TokenScope.Walletrefresh,
  [MFAAction.WalletWaasReshare]: TokenScope.Walletreshare,
  [MFAAction.UserUpdate]: TokenScope.Userupdate,
};

export const ALL_ACTIONS: readonly MFAAction[] = Object.values(MFAAction);
export const ALL_SCOPES: readonly TokenScope[] = Object.values(TokenScope);
export const ALL_METHODS: readonly MfaMethod[] = Object.values(MfaMethod);

export function isMfaAction(value: unknown): value is MFAAction {
  return typeof value === 'string' && (ALL_ACTIONS as readonly string[]).includes(value);
}

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (ALL_SCOPES as readonly string[]).includes(value);
}

/**
 * docs/architecture.md §10: an action-bound approval grants its action's scope and nothing else; the user
 * approved one request, named in plain words, and nothing unbound may ride along. Says why a
 * request breaks that, or `undefined`. The client and the server refuse such a request alike.
 */
export function unboundBesideAction(
  mfaAction: MFAAction,
  { requestedScopes, legacyToken }: { requestedScopes: readonly string[]; /** A legacy MFA token is asked for too. */ legacyToken: boolean },
): string | undefined {
  const scope = ACTION_SCOPE[mfaAction];
  if (!legacyToken && requestedScopes.every((other) => other === scope)) return undefined;
  return `An approval of ${mfaAction} grants ${scope} only; ask for other scopes or a legacy MFA token (createMfaToken) separately.`;
}

/** The action whose scope is `scope`, if any (used to title the modal and pick a policy). */
export function actionForScope(scope: TokenScope): MFAAction | undefined {
  return ALL_ACTIONS.find((action) => ACTION_SCOPE[action] === scope);
}
