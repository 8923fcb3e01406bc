/**
 * The demo wallet's wire types: what `/demo/session` and the guarded `/wallet` routes take and
 * answer. They belong to the demo, not to the kit: an app has its own routes and types.
 */
export interface DemoSessionRequest {
  name: string;
}
export interface DemoSessionResponse {
  sessionToken: string;
  userId: string;
  /** ISO 8601: the session's absolute end; after it every call is 401 `unauthenticated`. */
  expiresAt: string;
  /** The same end as seconds from now, for a client whose clock may differ from the server's. */
  expiresInSeconds: number;
}

export interface WalletResponse {
  address: string;
}
export interface WalletExportResponse {
  address: string;
  privateKey: string;
}
export interface WalletSignMessageRequest {
  message: string;
}
export interface WalletSignMessageResponse {
  address: string;
  signature: string;
}
export interface WalletDelegationRequest {
  enabled: boolean;
}
export interface WalletDelegationResponse {
  delegated: boolean;
}

/** `GET /wallet`. A pregenerated wallet is unclaimed until its user claims it. */
export interface WalletStatusResponse extends WalletResponse {
  delegated: boolean;
  /** Delegation was approved or revoked: the next sign-in must reshare the key. */
  reshareRequired: boolean;
  claimed: boolean;
}

/** Decimal digits: JSON has no bigint, and a uint256 does not fit a number. */
export type DecimalString = string;
export type HexString = `0x${string}`;

/** EIP-1559 (type 2) transaction fields, as `POST /wallet/sign-transaction` takes them. */
export interface WalletTransaction {
  chainId: number;
  to: HexString;
  value: DecimalString;
  nonce: number;
  gas: DecimalString;
  maxFeePerGas: DecimalString;
  maxPriorityFeePerGas: DecimalString;
  data?: HexString;
}
export interface WalletSignTransactionRequest {
  transaction: WalletTransaction;
}
export interface WalletSignTransactionResponse {
  address: string;
  /** The signed EIP-2718 envelope (0x02 ‖ RLP), ready for eth_sendRawTransaction. */
  signedTransaction: HexString;
}

/** EIP-712 typed data; uint and int values may be decimal strings. */
export interface WalletTypedData {
  domain: { name?: string; version?: string; chainId?: number; verifyingContract?: HexString; salt?: HexString };
  types: Record<string, Array<{ name: string; type: string }>>;
  primaryType: string;
  message: Record<string, unknown>;
}
export interface WalletSignTypedDataRequest {
  typedData: WalletTypedData;
}
export interface WalletSignTypedDataResponse {
  address: string;
  signature: HexString;
}

/** EIP-7702: delegate this account's code to `contractAddress`; chain id 0 means every chain. */
export interface WalletAuthorization {
  chainId: number;
  contractAddress: HexString;
  nonce: number;
}
export interface WalletSignAuthorizationRequest {
  authorization: WalletAuthorization;
}
export interface WalletSignAuthorizationResponse {
  address: string;
  signedAuthorization: { chainId: number; address: HexString; nonce: number; r: HexString; s: HexString; yParity: number };
}

export interface WalletClaimResponse {
  address: string;
  claimed: true;
}
export interface WalletReshareResponse {
  reshareRequired: false;
}
export interface DemoPregenerateRequest {
  name: string;
}
export interface DemoPregenerateResponse {
  userId: string;
  address: string;
}
