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
