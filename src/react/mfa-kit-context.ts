/**
 * What `<MfaProvider>` hands to every hook and part below it: the core's pieces (API client,
 * token store, prompt controller) plus the UI settings. Components never fetch: they call the
 * controller, and hooks call the API client.
 */
import type { MfaMethod } from '../protocol/index.js';
import type { MfaApi } from '../core/mfa-api.js';
import type { PromptMfaAuthParams } from '../core/normalize-prompt-request.js';
import type { MfaPromptStore } from '../core/prompt-state.js';
import type { TokenStore } from '../core/token-store.js';
import { createMfaContext } from './create-mfa-context.js';
import type { MfaStrings } from './strings/types.js';

/** The prompt controller as the React kit uses it: the snapshot store plus the prompt itself. */
export interface MfaPromptController extends MfaPromptStore {
  promptMfaAuth(params?: PromptMfaAuthParams): Promise<string>;
}

export type MfaTheme = 'light' | 'dark' | 'system';

export interface MfaKitContextValue {
  api: MfaApi;
  tokens: TokenStore;
  controller: MfaPromptController;
  strings: MfaStrings;
  theme: MfaTheme;
  /** The methods the app enables, in the app's order. */
  methods: readonly MfaMethod[];
}

export const [MfaKitProvider, useMfaKit] = createMfaContext<MfaKitContextValue>('MfaKit');

export type { PromptMfaAuthParams };
