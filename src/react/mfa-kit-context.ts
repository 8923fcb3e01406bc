/**
 * What `<MfaProvider>` hands to every hook and part below it: the core's prompt controller
 * (with its API client and token store) plus the UI settings. Components never fetch: they call the
 * controller, and hooks call the API client.
 */
import type { MfaMethod } from '../protocol/index.js';
import type { PromptMfaAuthParams } from '../core/normalize-prompt-request.js';
import type { PromptController } from '../core/prompt-controller.js';
import { createMfaContext } from './create-mfa-context.js';
import type { MfaStrings } from './strings/types.js';

export type MfaTheme = 'light' | 'dark' | 'system';

export interface MfaKitContextValue {
  /** The core's prompt controller; it also holds the API client and the token store. */
  controller: PromptController;
  strings: MfaStrings;
  theme: MfaTheme;
  /** The methods the app enables, in the app's order. */
  methods: readonly MfaMethod[];
}

export const [MfaKitProvider, useMfaKit] = createMfaContext<MfaKitContextValue>('MfaKit');

export type { PromptMfaAuthParams };
