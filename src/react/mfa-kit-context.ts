/**
 * What `<MfaProvider>` hands to every hook and part below it: the core's prompt controller
 * (with its API client and token store) plus the UI settings. Components never fetch: they call the
 * controller, and hooks call the API client.
 */
import type { ReactNode } from 'react';
import type { MFAAction, MfaMethod } from '../protocol/index.js';
import type { PromptMfaAuthParams } from '../core/prompt/normalize-prompt-request.js';
import type { PromptController } from '../core/prompt/prompt-controller.js';
import { createMfaContext } from './create-mfa-context.js';
import type { MfaPromptStrings } from './strings/types.js';

export type MfaTheme = 'light' | 'dark' | 'system';

export interface MfaKitContextValue {
  /** The core's prompt controller; it also holds the API client and the token store. */
  controller: PromptController;
  /** The app's strings over English; the parts loaded on demand complete them (`completeStrings`). */
  strings: MfaPromptStrings;
  theme: MfaTheme;
  /** The methods the app enables, in the app's order. */
  methods: readonly MfaMethod[];
  /** The app's own summary of an action-bound prompt; `undefined` falls back to the kit's. */
  renderActionSummary?: RenderActionSummary | undefined;
}

/** Renders what an action-bound prompt approves from its payload: `undefined` = use the kit's renderer, `null` = show nothing. */
export type RenderActionSummary = (action: { mfaAction: MFAAction; payload: unknown }) => ReactNode | undefined;

export const [MfaKitProvider, useMfaKit] = createMfaContext<MfaKitContextValue>('MfaKit');

export type { PromptMfaAuthParams };
